package com.insurepay.common.analytics;

import static com.insurepay.common.table.PaymentTable.Stats.*;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.store.StoredPayment;
import com.insurepay.common.table.PaymentTable;
import com.insurepay.common.table.PaymentTable.StatsCounted;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one payment adds to its day item: a pure function of the stored payment (with its history), so the rollup can
 * count the difference between what a payment is now and what was last counted for it, any number of times, in any
 * order, and the day items always equal the sum of every payment's contribution.
 *
 * @param daySk the sort key of the day item ({@code DAY#<day the payment started>#<product key>})
 * @param figures the non-zero figures (attribute name → number)
 */
public record PaymentContribution(String tenant, String daySk, LocalDate day, String productName, Map<String, Long> figures) {

    private static final int MAX_REASON_LENGTH = 48;

    public PaymentContribution {
        figures = Map.copyOf(figures);
    }

    public static PaymentContribution of(StoredPayment stored) {
        Payment p = stored.payment();
        Map<String, Long> f = new TreeMap<>();
        String kind = kindKey(p.kind());
        f.put(STARTED, 1L);
        f.put(STARTED_PREFIX + kind, 1L);
        boolean late = p.status() == PaymentStatus.PAID_AFTER_CLOSE
                || stored.history().stream().anyMatch(h -> h.applied() && h.to() == PaymentStatus.PAID_AFTER_CLOSE);
        String outcome = late ? PAID_AFTER_CLOSE : outcomeOf(p.status());
        f.put(outcome, 1L);
        if (COMPLETED.equals(outcome)) {
            String currency = p.currency();
            f.put(COMPLETED_PREFIX + kind, 1L);
            f.put(GROSS_PREFIX + currency, p.amount());
            if (p.refundedAmount() > 0) {
                f.put(REFUNDED_PREFIX + currency, p.refundedAmount());
                f.put(REFUNDS, 1L);
            }
            if (p.disputeId() != null) {
                f.put(DISPUTES, 1L);
            }
            if (p.paidAt() != null) {
                f.put(TimeToPayBucket.of(Duration.between(p.createdAt(), p.paidAt())).attribute(), 1L);
            }
        }
        if (!p.status().isPaid() && p.failureReason() != null) {
            f.put(FAILURE_PREFIX + reasonKey(p.failureReason()), 1L);
        }
        f.values().removeIf(v -> v == 0L);
        LocalDate day = LocalDate.ofInstant(p.createdAt(), ZoneOffset.UTC);
        return new PaymentContribution(p.tenant(), daySk(day, p.productName()), day, blankToNull(p.productName()), f);
    }

    private static String outcomeOf(PaymentStatus status) {
        return switch (status) {
            case PENDING -> PENDING;
            case FAILED -> FAILED;
            case EXPIRED -> EXPIRED;
            case CANCELLED -> CANCELLED;
            case PAID_AFTER_CLOSE -> PAID_AFTER_CLOSE;
            case COMPLETED, PARTIALLY_REFUNDED, REFUNDED, DISPUTED -> COMPLETED;
        };
    }

    /** {@code buy_now} (a Checkout Session made in the conversation) or {@code pay_later} (a saved Payment Link). */
    public static String kindKey(PaymentKind kind) {
        return kind == PaymentKind.PAYMENT_LINK ? PAY_LATER : BUY_NOW;
    }

    /** {@code DAY#<yyyy-mm-dd>#<URL-encoded product name, or ~ when none>}. */
    public static String daySk(LocalDate day, String productName) {
        return PaymentTable.STATS_DAY_SK_PREFIX + day + "#" + productKey(productName);
    }

    /** The product part of a day item's key: URL-encoded (no {@code #} and no {@code ~} in it), {@code ~} when none. */
    public static String productKey(String productName) {
        String name = blankToNull(productName);
        return name == null ? NO_PRODUCT_KEY : URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** A failure reason as an attribute-name part: lower case, runs of other characters as one {@code _}, bounded. */
    public static String reasonKey(String reason) {
        String key = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (key.length() > MAX_REASON_LENGTH) {
            key = key.substring(0, MAX_REASON_LENGTH).replaceAll("_+$", "");
        }
        return key.isEmpty() ? "unknown" : key;
    }

    /**
     * The payment's analytics snapshot item ({@code PAY#<id>} / {@code STATS_COUNTED}) holding this contribution: the
     * figures and the day item they are counted in, written when the payment was at {@code version}.
     */
    public Map<String, AttributeValue> toCountedItem(String paymentId, long version) {
        Map<String, AttributeValue> m = new HashMap<>();
        figures.forEach((name, n) -> m.put(name, Attr.n(n)));
        Map<String, AttributeValue> item = new HashMap<>(PaymentItems.statsCountedKey(paymentId));
        item.put(PaymentTable.ENTITY, Attr.s(StatsCounted.ENTITY_VALUE));
        item.put(StatsCounted.FIGURES, AttributeValue.builder().m(m).build());
        item.put(StatsCounted.DAY_SK, Attr.s(daySk));
        item.put(StatsCounted.WRITTEN_AT_VERSION, Attr.n(version));
        return item;
    }

    /**
     * The figures last counted for a payment, from its snapshot item ({@code PAY#<id>} / {@code STATS_COUNTED}); empty
     * when it was never counted (no item: null or empty).
     */
    public static Counted counted(Map<String, AttributeValue> countedItem) {
        if (countedItem == null || countedItem.isEmpty()) {
            return new Counted(null, Map.of(), null);
        }
        Map<String, Long> figures = new TreeMap<>();
        AttributeValue v = countedItem.get(StatsCounted.FIGURES);
        if (v != null && v.hasM()) {
            v.m().forEach((name, n) -> {
                if (n.n() != null) {
                    figures.put(name, Long.parseLong(n.n()));
                }
            });
        }
        AttributeValue version = countedItem.get(StatsCounted.WRITTEN_AT_VERSION);
        return new Counted(Attr.str(countedItem, StatsCounted.DAY_SK), figures,
                version == null || version.n() == null ? null : Long.parseLong(version.n()));
    }

    /**
     * What was last counted: the day item's sort key (null if never), the figures, and the payment version the snapshot
     * item was written at (null: no snapshot item).
     */
    public record Counted(String daySk, Map<String, Long> figures, Long writtenAtVersion) {
    }

    /** Per day item sort key: what must be ADDed to go from {@code before} to this contribution (zeros left out). */
    public Map<String, Map<String, Long>> deltaFrom(Counted before) {
        Map<String, Map<String, Long>> delta = new TreeMap<>();
        if (before.daySk() != null && !before.figures().isEmpty()) {
            Map<String, Long> old = delta.computeIfAbsent(before.daySk(), k -> new TreeMap<>());
            before.figures().forEach((name, n) -> old.merge(name, -n, Long::sum));
        }
        Map<String, Long> now = delta.computeIfAbsent(daySk, k -> new TreeMap<>());
        figures.forEach((name, n) -> now.merge(name, n, Long::sum));
        delta.values().forEach(m -> m.values().removeIf(n -> n == 0L));
        delta.values().removeIf(Map::isEmpty);
        return delta;
    }

    /** The day items these contributions add up to, by sort key (zeros left out): what the rollup must have written. */
    public static Map<String, Map<String, Long>> sumByDay(Iterable<PaymentContribution> contributions) {
        Map<String, Map<String, Long>> sum = new TreeMap<>();
        for (PaymentContribution c : contributions) {
            Map<String, Long> day = sum.computeIfAbsent(c.daySk(), k -> new TreeMap<>());
            c.figures().forEach((name, n) -> day.merge(name, n, Long::sum));
        }
        sum.values().forEach(m -> m.values().removeIf(n -> n == 0L));
        sum.values().removeIf(Map::isEmpty);
        return sum;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
