package com.insurepay.common.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.ids.Timestamps;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.table.PaymentTable.EmailEntries;
import com.insurepay.common.table.PaymentTable.HistoryEntries;
import com.insurepay.common.table.PaymentTable.Payments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps payments and their history entries to DynamoDB items and back. Attribute names are the seeds'. */
public final class PaymentItems {

    private PaymentItems() {
    }

    public static Map<String, AttributeValue> key(String paymentId) {
        return Map.of(PK, Attr.s(PAYMENT_PK_PREFIX + paymentId), SK, Attr.s(PAYMENT_SK));
    }

    /** The key of the payment's analytics snapshot ({@code PAY#<id>} / {@code STATS_COUNTED}). */
    public static Map<String, AttributeValue> statsCountedKey(String paymentId) {
        return Map.of(PK, Attr.s(PAYMENT_PK_PREFIX + paymentId), SK, Attr.s(StatsCounted.SK));
    }

    /** A new payment's item; {@code history} holds its first entries. */
    public static Map<String, AttributeValue> toItem(Payment p, List<HistoryEntry> history) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.paymentId()));
        item.put(ENTITY, Attr.s(Payments.ENTITY_VALUE));
        item.put(Payments.PAYMENT_ID, Attr.s(p.paymentId()));
        item.put(TENANT, Attr.s(p.tenant()));
        item.put(USER_ID, Attr.s(p.userId()));
        item.put(QUOTE_ID, Attr.s(p.quoteId()));
        item.put(Payments.AMOUNT, Attr.n(p.amount()));
        item.put(Payments.CURRENCY, Attr.s(p.currency()));
        Attr.putIfPresent(item, Payments.PRODUCT_NAME, p.productName());
        Attr.putIfPresent(item, Payments.CUSTOMER_EMAIL, p.customerEmail());
        item.put(Payments.STATUS, Attr.s(p.status().wireName()));
        item.put(Payments.KIND, Attr.s(p.kind().wireName()));
        Attr.putIfPresent(item, STRIPE_SESSION_ID, p.stripeSessionId());
        Attr.putIfPresent(item, STRIPE_PAYMENT_INTENT, p.stripePaymentIntent());
        Attr.putIfPresent(item, Payments.CHECKOUT_URL, p.checkoutUrl());
        Attr.putIfPresent(item, EXPIRES_AT, p.expiresAt());
        Attr.putIfPresent(item, PAYMENT_LINK_ID, p.paymentLinkId());
        Attr.putIfPresent(item, Payments.FAILURE_REASON, p.failureReason());
        item.put(Payments.REFUNDED_AMOUNT, Attr.n(p.refundedAmount()));
        Attr.putIfPresent(item, Payments.POLICY_ID, p.policyId());
        Attr.putIfPresent(item, Payments.POLICY_NUMBER, p.policyNumber());
        Attr.putIfPresent(item, Payments.PAID_AT, p.paidAt());
        Attr.putIfPresent(item, Payments.DISPUTE_ID, p.disputeId());
        Attr.putIfPresent(item, Payments.DISPUTE_STATUS, p.disputeStatus());
        item.put(CREATED_AT, Attr.time(p.createdAt()));
        // Written once here and never updated: the tenant_day index costs nothing on the webhook path.
        item.put(TENANT_DAY, Attr.s(tenantDay(p.tenant(), utcDay(p.createdAt()))));
        item.put(UPDATED_AT, Attr.time(p.updatedAt()));
        Attr.putIfPresent(item, Payments.WEBHOOK_PROCESSED_AT, p.webhookProcessedAt());
        item.put(Payments.VERSION, Attr.n(p.version()));
        String bucket = bucketOf(p.status());
        if (bucket != null) {
            item.put(OPEN_BUCKET, Attr.s(bucket));
        }
        item.put(Payments.HISTORY, historyList(history));
        // Due for the analytics rollup from its first write (see PaymentRepository#apply).
        item.put(STATS_DUE_ATTRIBUTE, Attr.s(STATS_DUE));
        return item;
    }

    /** The {@link #OPEN_BUCKET} value a payment in this status carries, or null when it needs no background work. */
    public static String bucketOf(PaymentStatus status) {
        if (status.isOpen()) {
            return OPEN;
        }
        if (status == PaymentStatus.PAID_AFTER_CLOSE) {
            return PAID_AFTER_CLOSE_BUCKET;
        }
        // Paid and kept: due for a policy until one is issued (issuing removes the bucket; a payment that already
        // has one and lands here again, e.g. a partial refund, is cleared by the next sweep).
        return status.canIssuePolicy() ? POLICY_DUE_BUCKET : null;
    }

    public static Payment fromItem(Map<String, AttributeValue> item) {
        return new Payment(
                Attr.str(item, Payments.PAYMENT_ID),
                Attr.str(item, TENANT),
                Attr.str(item, USER_ID),
                Attr.str(item, QUOTE_ID),
                Attr.num(item, Payments.AMOUNT, 0),
                Attr.str(item, Payments.CURRENCY),
                Attr.str(item, Payments.PRODUCT_NAME),
                Attr.str(item, Payments.CUSTOMER_EMAIL),
                PaymentStatus.parse(Attr.str(item, Payments.STATUS)),
                PaymentKind.parse(Attr.str(item, Payments.KIND)),
                Attr.str(item, STRIPE_SESSION_ID),
                Attr.str(item, STRIPE_PAYMENT_INTENT),
                Attr.str(item, Payments.CHECKOUT_URL),
                Attr.instant(item, EXPIRES_AT),
                Attr.str(item, PAYMENT_LINK_ID),
                Attr.str(item, Payments.FAILURE_REASON),
                Attr.num(item, Payments.REFUNDED_AMOUNT, 0),
                Attr.str(item, Payments.POLICY_ID),
                Attr.str(item, Payments.POLICY_NUMBER),
                Attr.instant(item, Payments.PAID_AT),
                Attr.str(item, Payments.DISPUTE_ID),
                Attr.str(item, Payments.DISPUTE_STATUS),
                Attr.instant(item, CREATED_AT),
                Attr.instant(item, UPDATED_AT),
                Attr.instant(item, Payments.WEBHOOK_PROCESSED_AT),
                Attr.num(item, Payments.VERSION, 0));
    }

    /** The Stripe events already applied or recorded on this payment item. */
    public static Set<String> stripeEvents(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(Payments.STRIPE_EVENTS);
        return v == null || !v.hasSs() ? Set.of() : Set.copyOf(v.ss());
    }

    /**
     * One history entry as stored. {@code from} is not stored: a blind conditional write does not know it, and it
     * is always the status of the last applied entry before, which {@link #history} derives on reading.
     */
    public static AttributeValue historyEntry(HistoryEntry h) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(HistoryEntries.AT, Attr.time(h.at()));
        m.put(HistoryEntries.TO, Attr.s(h.to().wireName()));
        m.put(HistoryEntries.APPLIED, Attr.bool(h.applied()));
        m.put(HistoryEntries.SOURCE, Attr.s(h.source().wireName()));
        Attr.putIfPresent(m, HistoryEntries.ACTOR, h.actor());
        Attr.putIfPresent(m, HistoryEntries.STRIPE_EVENT_ID, h.stripeEventId());
        Attr.putIfPresent(m, HistoryEntries.DETAIL, h.detail());
        Attr.putIfPresent(m, HistoryEntries.REQUEST_ID, h.requestId());
        Attr.putIfPresent(m, HistoryEntries.CONVERSATION_ID, h.conversationId());
        return AttributeValue.builder().m(m).build();
    }

    public static AttributeValue historyList(List<HistoryEntry> entries) {
        return AttributeValue.builder().l(entries.stream().map(PaymentItems::historyEntry).toList()).build();
    }

    /** The audit trail, oldest first, with each entry's {@code from} derived from the applied entries before it. */
    public static List<HistoryEntry> history(Map<String, AttributeValue> item) {
        AttributeValue list = item.get(Payments.HISTORY);
        List<HistoryEntry> entries = new ArrayList<>();
        if (list == null || !list.hasL()) {
            return entries;
        }
        PaymentStatus current = null;
        for (AttributeValue v : list.l()) {
            Map<String, AttributeValue> m = v.m();
            PaymentStatus to = PaymentStatus.parse(Attr.str(m, HistoryEntries.TO));
            boolean applied = Attr.bool(m, HistoryEntries.APPLIED);
            entries.add(new HistoryEntry(Timestamps.parse(Attr.str(m, HistoryEntries.AT)), current, to, applied,
                    TransitionCause.Source.valueOf(Attr.str(m, HistoryEntries.SOURCE).toUpperCase(Locale.ROOT)),
                    Attr.str(m, HistoryEntries.ACTOR), Attr.str(m, HistoryEntries.STRIPE_EVENT_ID),
                    Attr.str(m, HistoryEntries.DETAIL), Attr.str(m, HistoryEntries.REQUEST_ID),
                    Attr.str(m, HistoryEntries.CONVERSATION_ID)));
            if (applied) {
                current = to;
            }
        }
        return entries;
    }

    /** One e-mail record as stored: time, kind, outcome, actor, request id; never the address or the body. */
    public static AttributeValue emailEntry(EmailRecord r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(EmailEntries.AT, Attr.time(r.at()));
        m.put(EmailEntries.KIND, Attr.s(r.kind().wireName()));
        m.put(EmailEntries.OUTCOME, Attr.s(r.outcome().wireName()));
        Attr.putIfPresent(m, EmailEntries.ACTOR, r.actor());
        Attr.putIfPresent(m, EmailEntries.REQUEST_ID, r.requestId());
        return AttributeValue.builder().m(m).build();
    }

    /** The e-mails recorded on a payment item, oldest first; entries of a kind this version does not know are skipped. */
    public static List<EmailRecord> emails(Map<String, AttributeValue> item) {
        AttributeValue list = item.get(Payments.EMAILS);
        List<EmailRecord> records = new ArrayList<>();
        if (list == null || !list.hasL()) {
            return records;
        }
        for (AttributeValue v : list.l()) {
            Map<String, AttributeValue> m = v.m();
            EmailRecord.Kind kind = EmailRecord.Kind.parse(Attr.str(m, EmailEntries.KIND));
            EmailRecord.Outcome outcome = EmailRecord.Outcome.parse(Attr.str(m, EmailEntries.OUTCOME));
            Instant at = Attr.instant(m, EmailEntries.AT);
            if (kind != null && outcome != null && at != null) {
                records.add(new EmailRecord(at, kind, outcome, Attr.str(m, EmailEntries.ACTOR), Attr.str(m, EmailEntries.REQUEST_ID)));
            }
        }
        return records;
    }
}
