package com.insurepay.common.analytics;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.analytics.PaymentContribution.Counted;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.Expr;
import com.insurepay.common.store.StoredPayment;
import com.insurepay.common.table.PaymentTable.Payments;
import com.insurepay.common.table.PaymentTable.Stats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counts changed payments into the day items, off every request path. The write that changes a payment marks it
 * {@code stats_due} (the transactional outbox, in the same single UpdateItem); a sweep reads the sparse
 * {@code stats_due-index}, loads the payments, and for each one writes ONE transaction: the payment's
 * {@code stats_counted} becomes its {@link PaymentContribution} and its mark is removed, on condition that its
 * {@code version} is still the one read and the mark is still there, and the day item gets the difference from what
 * was counted before ({@code ADD}). So a payment is counted exactly once per change whatever runs concurrently:
 * two sweeps racing, one wins; a transition meanwhile bumps the version and sets the mark again, so the loser's
 * figures are never written and the payment is counted anew by the next sweep. A cancelled transaction is no error.
 */
public class AnalyticsRollup {

    /** Prometheus: insurepay_analytics_rollup_applied_total, …_conflicts_total, …_backlog, …_lag_seconds, …_last_run_seconds. */
    public static final String APPLIED = "insurepay.analytics.rollup.applied";
    public static final String CONFLICTS = "insurepay.analytics.rollup.conflicts";
    public static final String BACKLOG = "insurepay.analytics.rollup.backlog";
    public static final String LAG = "insurepay.analytics.rollup.lag";
    public static final String LAST_RUN = "insurepay.analytics.rollup.last.run";

    private static final Logger LOG = Logger.getLogger(AnalyticsRollup.class);
    private static final int PAGE = 100;
    private static final int MAX_BATCH_ATTEMPTS = 8;

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;
    private final int maxPerSweep;
    private final Counter applied;
    private final Counter conflicts;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong lastRun = new AtomicLong();

    public AnalyticsRollup(DynamoDbClient client, String table, Clock clock, MeterRegistry registry, int maxPerSweep) {
        this.client = client;
        this.table = table;
        this.clock = clock;
        this.maxPerSweep = maxPerSweep;
        this.applied = Counter.builder(APPLIED).description("Payment changes counted into the analytics day items")
                .register(registry);
        this.conflicts = Counter.builder(CONFLICTS)
                .description("Payments the analytics rollup left for its next sweep (changed meanwhile, or counted by another replica)")
                .register(registry);
        Gauge.builder(BACKLOG, backlog, AtomicLong::get)
                .description("Payments changed but not yet counted in the analytics after the last rollup sweep").register(registry);
        Gauge.builder(LAG, lag, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest change the last rollup sweep left uncounted (0: everything it found was counted)")
                .register(registry);
        Gauge.builder(LAST_RUN, lastRun, AtomicLong::get).baseUnit("seconds")
                .description("End of the last complete analytics rollup sweep, Unix time").register(registry);
    }

    /** What one sweep did: payments found due, counted, left for the next sweep. */
    public record Sweep(int found, int counted, int leftOver) {
    }

    /**
     * Counts every payment marked due (oldest start first), up to {@code maxPerSweep}.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when DynamoDB fails: what was counted stays counted,
     *         the rest stays due
     */
    public Sweep sweep() {
        int found = 0;
        int counted = 0;
        Instant oldestLeft = null;
        Map<String, AttributeValue> start = null;
        boolean more;
        do {
            Expr e = new Expr();
            QueryResponse page = client.query(QueryRequest.builder().tableName(table).indexName(STATS_DUE_INDEX)
                    .keyConditionExpression(e.name(STATS_DUE_ATTRIBUTE) + " = " + e.value(STATS_DUE))
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .limit(Math.min(PAGE, maxPerSweep - found)).exclusiveStartKey(start).build());
            List<Map<String, AttributeValue>> keys = page.items().stream().map(i -> Map.of(PK, i.get(PK), SK, i.get(SK))).toList();
            found += keys.size();
            for (Map<String, AttributeValue> item : load(keys)) {
                if (count(item)) {
                    counted++;
                } else {
                    Instant changed = Attr.instant(item, UPDATED_AT);
                    oldestLeft = changed != null && (oldestLeft == null || changed.isBefore(oldestLeft)) ? changed : oldestLeft;
                }
            }
            more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            start = more ? page.lastEvaluatedKey() : null;
        } while (more && found < maxPerSweep);
        // Left over: changed again meanwhile, or counted by another replica. Payments past this sweep's bound are not
        // known here; the next sweep finds them.
        int leftOver = found - counted;
        backlog.set(leftOver);
        Instant now = clock.instant();
        lag.set(oldestLeft == null ? 0 : Math.max(0, Duration.between(oldestLeft, now).toSeconds()));
        lastRun.set(now.getEpochSecond());
        return new Sweep(found, counted, leftOver);
    }

    /**
     * Counts one payment item as read: its contribution minus what was counted, in one transaction conditioned on
     * the version read and the mark.
     *
     * @return whether it was counted (false: changed or counted meanwhile, left for the next sweep)
     */
    boolean count(Map<String, AttributeValue> item) {
        if (!item.containsKey(STATS_DUE_ATTRIBUTE)) {
            return false; // counted by another sweep between the query and the read
        }
        StoredPayment stored = StoredPayment.of(item);
        PaymentContribution now = PaymentContribution.of(stored);
        Map<String, Map<String, Long>> delta = now.deltaFrom(PaymentContribution.counted(item));
        Expr e = new Expr();
        Update payment = Update.builder().tableName(table).key(Map.of(PK, item.get(PK), SK, item.get(SK)))
                .updateExpression("SET " + e.name(Payments.STATS_COUNTED) + " = " + e.value(now.toAttribute()) + " REMOVE "
                        + e.name(STATS_DUE_ATTRIBUTE))
                .conditionExpression(e.name(Payments.VERSION) + " = " + e.value(Attr.num(item, Payments.VERSION, 0))
                        + " AND attribute_exists(" + e.name(STATS_DUE_ATTRIBUTE) + ")")
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build();
        String paymentId = stored.payment().paymentId();
        try {
            if (delta.isEmpty()) {
                client.updateItem(b -> b.tableName(payment.tableName()).key(payment.key()).updateExpression(payment.updateExpression())
                        .conditionExpression(payment.conditionExpression()).expressionAttributeNames(payment.expressionAttributeNames())
                        .expressionAttributeValues(payment.expressionAttributeValues()));
            } else {
                List<TransactWriteItem> writes = new ArrayList<>();
                writes.add(TransactWriteItem.builder().update(payment).build());
                delta.forEach((daySk, figures) -> writes.add(TransactWriteItem.builder().update(dayUpdate(now, daySk, figures)).build()));
                client.transactWriteItems(b -> b.transactItems(writes));
            }
        } catch (ConditionalCheckFailedException changed) {
            conflicts.increment();
            LOG.debugf("analytics: payment %s changed or was counted meanwhile; left for the next sweep", paymentId);
            return false;
        } catch (TransactionCanceledException cancelled) {
            conflicts.increment();
            if (cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch(c -> c != null && !"None".equals(c) && !"ConditionalCheckFailed".equals(c)
                            && !"TransactionConflict".equals(c))) {
                LOG.warnf("analytics: counting payment %s was cancelled: %s; left for the next sweep", paymentId,
                        cancelled.cancellationReasons());
            } else {
                LOG.debugf("analytics: payment %s changed or was counted meanwhile; left for the next sweep", paymentId);
            }
            return false;
        }
        applied.increment();
        return true;
    }

    /** ADD of the non-zero differences to one day item (created by the first ADD), with its labels. */
    private Update dayUpdate(PaymentContribution now, String daySk, Map<String, Long> figures) {
        Expr e = new Expr();
        List<String> set = new ArrayList<>(List.of(e.name(ENTITY) + " = " + e.value(Stats.ENTITY_VALUE),
                e.name(TENANT) + " = " + e.value(now.tenant())));
        if (daySk.equals(now.daySk())) {
            set.add(e.name(Stats.DAY) + " = " + e.value(now.day().toString()));
            if (now.productName() != null) {
                set.add(e.name(Stats.PRODUCT_NAME) + " = " + e.value(now.productName()));
            }
        }
        List<String> add = new ArrayList<>();
        figures.forEach((name, n) -> add.add(e.name(name) + " " + e.value(n)));
        return Update.builder().tableName(table).key(Map.of(PK, Attr.s(statsPk(now.tenant())), SK, Attr.s(daySk)))
                .updateExpression("SET " + String.join(", ", set) + " ADD " + String.join(", ", add))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build();
    }

    /** The payment items behind the index keys, read consistently (the latest version is what gets counted). */
    private List<Map<String, AttributeValue>> load(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        if (keys.isEmpty()) {
            return items;
        }
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 1; !pending.isEmpty() && attempt <= MAX_BATCH_ATTEMPTS; attempt++) {
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(request));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        // Unprocessed keys after the attempts stay due: the next sweep reads them.
        Map<String, Map<String, AttributeValue>> byPk = new HashMap<>();
        items.forEach(i -> byPk.put(i.get(PK).s(), i));
        return keys.stream().map(k -> byPk.get(k.get(PK).s())).filter(i -> i != null).toList();
    }
}
