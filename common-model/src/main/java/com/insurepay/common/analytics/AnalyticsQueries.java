package com.insurepay.common.analytics;

import static com.insurepay.common.table.PaymentTable.PK;
import static com.insurepay.common.table.PaymentTable.SK;
import static com.insurepay.common.table.PaymentTable.Stats.*;

import com.insurepay.common.analytics.AnalyticsReport.Conversion;
import com.insurepay.common.analytics.AnalyticsReport.Day;
import com.insurepay.common.analytics.AnalyticsReport.FailureReason;
import com.insurepay.common.analytics.AnalyticsReport.Revenue;
import com.insurepay.common.analytics.AnalyticsReport.TimeToPay;
import com.insurepay.common.analytics.AnalyticsReport.Totals;
import com.insurepay.common.money.Money;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.Expr;
import com.insurepay.common.table.PaymentTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The read side of the analytics: a tenant's day items of a period, read with ONE Query on {@code STATS#<tenant>}
 * ({@code sk BETWEEN DAY#<from> AND DAY#<to>~}, paged) and summed in memory; never a Scan, never a payment item. The
 * figures are what the rollup has counted; {@link AnalyticsReport#rollupBacklog()} says how many of the tenant's
 * payments changed since.
 */
public class AnalyticsQueries {

    /** The longest period a report covers, in days (a leap year). */
    public static final int MAX_PERIOD_DAYS = 366;
    public static final int TOP_FAILURE_REASONS = 5;
    static final int BACKLOG_READ_LIMIT = 2000;
    private static final int BATCH = 100;

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public AnalyticsQueries(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    /**
     * The report of the UTC days {@code from} to {@code to}, both included.
     *
     * @param productName only this product (its exact name); empty for all
     * @throws IllegalArgumentException when {@code from} is after {@code to} or the period is longer than
     *         {@value #MAX_PERIOD_DAYS} days (the message says which)
     */
    public AnalyticsReport report(String tenant, LocalDate from, LocalDate to, Optional<String> productName) {
        checkPeriod(from, to).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Optional<String> product = productName.filter(p -> !p.isBlank());
        String productKey = product.map(PaymentContribution::productKey).orElse(null);
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        dayFigures(tenant, from, to).forEach((sk, figures) -> {
            // DAY#yyyy-mm-dd#<product key>
            String[] parts = sk.split("#", 3);
            if (parts.length == 3 && (productKey == null || productKey.equals(parts[2]))) {
                Map<String, Long> day = byDay.computeIfAbsent(LocalDate.parse(parts[1]), d -> new HashMap<>());
                figures.forEach((name, n) -> day.merge(name, n, Long::sum));
            }
        });
        Instant asOf = clock.instant();
        return of(tenant, from, to, product.orElse(null), byDay, asOf, backlog(tenant));
    }

    /**
     * The figures of each of the tenant's day items of the period, by sort key (one Query, paged): what the report
     * sums, and what a check compares with the contributions of the stored payments.
     */
    public Map<String, Map<String, Long>> dayFigures(String tenant, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> items = new TreeMap<>();
        Expr e = new Expr();
        String condition = e.name(PK) + " = " + e.value(PaymentTable.statsPk(tenant)) + " AND " + e.name(SK) + " BETWEEN "
                + e.value(PaymentTable.STATS_DAY_SK_PREFIX + from) + " AND " + e.value(PaymentTable.STATS_DAY_SK_PREFIX + to + "~");
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = client.query(QueryRequest.builder().tableName(table).keyConditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                Map<String, Long> figures = new TreeMap<>();
                // Every number on a day item is a figure (keys, day, product name and tenant are strings).
                item.forEach((name, value) -> {
                    if (value.n() != null && Long.parseLong(value.n()) != 0) {
                        figures.put(name, Long.parseLong(value.n()));
                    }
                });
                items.put(item.get(SK).s(), figures);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Why the period cannot be reported (a sentence naming the rule), or empty when it can. */
    public static Optional<String> checkPeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return Optional.of("from (" + from + ") must not be after to (" + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_PERIOD_DAYS) {
            return Optional.of("the period from " + from + " to " + to + " is " + days + " days; at most " + MAX_PERIOD_DAYS
                    + " days can be reported at once");
        }
        return Optional.empty();
    }

    /** The report of figures already summed per day (the days without figures are zeros). */
    public static AnalyticsReport of(String tenant, LocalDate from, LocalDate to, String productName,
            Map<LocalDate, Map<String, Long>> byDay, Instant asOf, long backlog) {
        Map<String, Long> t = new HashMap<>();
        byDay.values().forEach(day -> day.forEach((name, n) -> t.merge(name, n, Long::sum)));
        Totals totals = new Totals(get(t, STARTED), get(t, STARTED_PREFIX + BUY_NOW), get(t, STARTED_PREFIX + PAY_LATER),
                get(t, PENDING), get(t, COMPLETED), get(t, COMPLETED_PREFIX + BUY_NOW), get(t, COMPLETED_PREFIX + PAY_LATER),
                get(t, FAILED), get(t, EXPIRED), get(t, CANCELLED), get(t, PAID_AFTER_CLOSE), get(t, REFUNDS), get(t, DISPUTES));
        Conversion conversion = new Conversion(ratio(totals.completed(), totals.started()),
                ratio(totals.completedBuyNow(), totals.startedBuyNow()), ratio(totals.completedPayLater(), totals.startedPayLater()));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<String, Long> f = byDay.getOrDefault(d, Map.of());
            days.add(new Day(d, get(f, STARTED), get(f, COMPLETED), ratio(get(f, COMPLETED), get(f, STARTED)),
                    withPrefix(f, GROSS_PREFIX)));
        }
        return new AnalyticsReport(tenant, from, to, productName, totals, conversion, timeToPay(t), revenue(t),
                failureReasons(t), days, asOf, backlog);
    }

    private static TimeToPay timeToPay(Map<String, Long> t) {
        List<TimeToPay.Bucket> histogram = new ArrayList<>();
        long paid = 0;
        for (TimeToPayBucket b : TimeToPayBucket.values()) {
            long n = get(t, b.attribute());
            paid += n;
            histogram.add(new TimeToPay.Bucket(b.label(), b.atMostSeconds(), b.display(), n));
        }
        Optional<TimeToPayBucket> median = percentile(t, paid, 50);
        Optional<TimeToPayBucket> p90 = percentile(t, paid, 90);
        return new TimeToPay(paid, median.map(TimeToPayBucket::atMostSeconds).orElse(null),
                median.map(TimeToPayBucket::display).orElse(null), p90.map(TimeToPayBucket::atMostSeconds).orElse(null),
                p90.map(TimeToPayBucket::display).orElse(null), histogram);
    }

    /** The bucket holding the payment at rank ceil(p% of n) in time order. */
    private static Optional<TimeToPayBucket> percentile(Map<String, Long> t, long n, int percent) {
        if (n == 0) {
            return Optional.empty();
        }
        long rank = (n * percent + 99) / 100;
        long cumulative = 0;
        for (TimeToPayBucket b : TimeToPayBucket.values()) {
            cumulative += get(t, b.attribute());
            if (cumulative >= rank) {
                return Optional.of(b);
            }
        }
        return Optional.of(TimeToPayBucket.MORE);
    }

    private static List<Revenue> revenue(Map<String, Long> t) {
        Map<String, Long> gross = withPrefix(t, GROSS_PREFIX);
        Map<String, Long> refunded = withPrefix(t, REFUNDED_PREFIX);
        TreeMap<String, Boolean> currencies = new TreeMap<>();
        gross.keySet().forEach(c -> currencies.put(c, true));
        refunded.keySet().forEach(c -> currencies.put(c, true));
        List<Revenue> revenue = new ArrayList<>();
        for (String c : currencies.keySet()) {
            long g = gross.getOrDefault(c, 0L);
            long r = refunded.getOrDefault(c, 0L);
            revenue.add(new Revenue(c, g, r, g - r, display(g, c), display(r, c), display(g - r, c)));
        }
        return revenue;
    }

    private static String display(long amount, String currency) {
        return amount < 0 ? "-" + new Money(-amount, currency).format() : new Money(amount, currency).format();
    }

    private static List<FailureReason> failureReasons(Map<String, Long> t) {
        return withPrefix(t, FAILURE_PREFIX).entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_FAILURE_REASONS).map(e -> new FailureReason(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, Long> withPrefix(Map<String, Long> f, String prefix) {
        Map<String, Long> m = new TreeMap<>();
        f.forEach((name, n) -> {
            if (name.startsWith(prefix) && n != 0) {
                m.put(name.substring(prefix.length()), n);
            }
        });
        return m;
    }

    /** A ratio with 4 decimals, half up; null when nothing was started. */
    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static long get(Map<String, Long> f, String name) {
        return f.getOrDefault(name, 0L);
    }

    /**
     * The tenant's payments changed but not yet counted: the keys in {@code stats_due-index} (normally a handful, the
     * rollup runs every few seconds), loaded with their tenant only. Reads at most {@value #BACKLOG_READ_LIMIT} keys;
     * a larger backlog is reported as found in them (the alert on the rollup's backlog fires long before).
     */
    public long backlog(String tenant) {
        long count = 0;
        int read = 0;
        Map<String, AttributeValue> start = null;
        do {
            Expr e = new Expr();
            QueryResponse page = client.query(QueryRequest.builder().tableName(table).indexName(PaymentTable.STATS_DUE_INDEX)
                    .keyConditionExpression(e.name(PaymentTable.STATS_DUE_ATTRIBUTE) + " = " + e.value(PaymentTable.STATS_DUE))
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).limit(BATCH)
                    .exclusiveStartKey(start).build());
            List<Map<String, AttributeValue>> keys = page.items().stream().map(i -> Map.of(PK, i.get(PK), SK, i.get(SK))).toList();
            read += keys.size();
            count += tenantsOf(keys).stream().filter(tenant::equals).count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && read < BACKLOG_READ_LIMIT);
        return count;
    }

    private List<String> tenantsOf(List<Map<String, AttributeValue>> keys) {
        List<String> tenants = new ArrayList<>();
        if (keys.isEmpty()) {
            return tenants;
        }
        Expr e = new Expr();
        String projection = e.name(PK) + ", " + e.name(PaymentTable.TENANT);
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .projectionExpression(projection).expressionAttributeNames(e.names()).build());
        for (int attempt = 0; !pending.isEmpty() && attempt < 8; attempt++) {
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(request));
            response.responses().getOrDefault(table, List.of()).forEach(i -> tenants.add(Attr.str(i, PaymentTable.TENANT)));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return tenants;
    }
}
