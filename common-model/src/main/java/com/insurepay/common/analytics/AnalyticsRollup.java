package com.insurepay.common.analytics;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.analytics.PaymentContribution.Counted;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.Expr;
import com.insurepay.common.store.StoredPayment;
import com.insurepay.common.table.PaymentTable.Payments;
import com.insurepay.common.table.PaymentTable.Stats;
import com.insurepay.common.table.PaymentTable.StatsCounted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counts changed payments into the day items, off every request path. The write that changes a payment marks it
 * {@code stats_due} (the transactional outbox, in the same single UpdateItem); a sweep reads the sparse
 * {@code stats_due-index}, loads the payments with their snapshot items ({@code PAY#<id>} / {@code STATS_COUNTED}:
 * what was last counted for the payment, kept off the payment item so that it stays under 1 KB), and for each one
 * writes ONE transaction: the payment's mark is removed on condition that its {@code version} is still the one read
 * and the mark is still there, the snapshot becomes its {@link PaymentContribution}, and the day item gets the
 * difference from what was counted before ({@code ADD}). So a payment is counted exactly once per change whatever
 * runs concurrently: two sweeps racing, one wins; a transition meanwhile bumps the version and sets the mark again,
 * so the loser's figures are never written and the payment is counted anew by the next sweep. A cancelled
 * transaction is no error.
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
    /** Two keys per payment (the payment and its snapshot item): BatchGetItem takes at most 100 keys. */
    static final int PAYMENTS_PER_BATCH = 50;

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
            for (Loaded loaded : load(keys)) {
                if (count(loaded.payment(), loaded.counted())) {
                    counted++;
                } else {
                    Instant changed = Attr.instant(loaded.payment(), UPDATED_AT);
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
     * Counts one payment item as read, with its snapshot item as read ({@code PAY#<id>} / {@code STATS_COUNTED}; null or
     * empty when it has none): its contribution minus what was counted, in ONE transaction of (a) the payment's
     * {@code REMOVE stats_due} conditioned on the version read and the mark, (b) the Put of the new snapshot,
     * conditioned on the snapshot read still being there (a BatchGetItem reads the two items one by one, not as one
     * snapshot), (c) the {@code ADD}s to the day items, only when anything changes there.
     *
     * @return whether it was counted (false: changed or counted meanwhile, left for the next sweep)
     */
    boolean count(Map<String, AttributeValue> item, Map<String, AttributeValue> countedItem) {
        if (!item.containsKey(STATS_DUE_ATTRIBUTE)) {
            return false; // counted by another sweep between the query and the read
        }
        StoredPayment stored = StoredPayment.of(item);
        PaymentContribution now = PaymentContribution.of(stored);
        Counted before = PaymentContribution.counted(countedItem);
        Map<String, Map<String, Long>> delta = now.deltaFrom(before);
        String paymentId = stored.payment().paymentId();
        long version = Attr.num(item, Payments.VERSION, 0);
        Expr e = new Expr();
        Update payment = Update.builder().tableName(table).key(Map.of(PK, item.get(PK), SK, item.get(SK)))
                .updateExpression("REMOVE " + e.name(STATS_DUE_ATTRIBUTE))
                .conditionExpression(e.name(Payments.VERSION) + " = " + e.value(version) + " AND attribute_exists("
                        + e.name(STATS_DUE_ATTRIBUTE) + ")")
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build();
        // The snapshot is written even when it holds the same figures: its condition proves the snapshot read is
        // the current one (a stale read holding what the payment is now would otherwise leave the day items wrong).
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(payment).build());
        writes.add(TransactWriteItem.builder().put(snapshotPut(now, paymentId, version, before)).build());
        delta.forEach((daySk, figures) -> writes.add(TransactWriteItem.builder().update(dayUpdate(now, daySk, figures)).build()));
        try {
            client.transactWriteItems(b -> b.transactItems(writes));
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

    /**
     * The new snapshot item, on condition that the one read is still there (same {@code written_at_version}, or none
     * when none was read): a snapshot written by another rollup between this one's two reads fails the transaction.
     */
    private Put snapshotPut(PaymentContribution now, String paymentId, long version, Counted before) {
        Expr e = new Expr();
        String condition = before.writtenAtVersion() == null ? "attribute_not_exists(" + e.name(PK) + ")"
                : e.name(StatsCounted.WRITTEN_AT_VERSION) + " = " + e.value(before.writtenAtVersion());
        return Put.builder().tableName(table).item(now.toCountedItem(paymentId, version)).conditionExpression(condition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build();
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

    /** A payment item and its snapshot item (null when it has none), as read. */
    record Loaded(Map<String, AttributeValue> payment, Map<String, AttributeValue> counted) {
    }

    /**
     * The payment items behind the index keys and their snapshot items, read consistently (the latest version is what
     * gets counted): one BatchGetItem of both keys per payment, {@value #PAYMENTS_PER_BATCH} payments (100 keys, its
     * limit) at a time. A payment is returned only when both of its keys were processed: unprocessed keys after the
     * attempts stay due, and the next sweep reads them.
     */
    private List<Loaded> load(List<Map<String, AttributeValue>> keys) {
        List<Loaded> loaded = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += PAYMENTS_PER_BATCH) {
            loaded.addAll(loadBatch(keys.subList(from, Math.min(keys.size(), from + PAYMENTS_PER_BATCH))));
        }
        return loaded;
    }

    private List<Loaded> loadBatch(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> both = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            both.add(key);
            both.add(Map.of(PK, key.get(PK), SK, Attr.s(StatsCounted.SK)));
        }
        Map<String, Map<String, AttributeValue>> payments = new HashMap<>();
        Map<String, Map<String, AttributeValue>> snapshots = new HashMap<>();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(both).consistentRead(true).build());
        for (int attempt = 1; !pending.isEmpty() && attempt <= MAX_BATCH_ATTEMPTS; attempt++) {
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(request));
            for (Map<String, AttributeValue> i : response.responses().getOrDefault(table, List.of())) {
                (StatsCounted.SK.equals(i.get(SK).s()) ? snapshots : payments).put(i.get(PK).s(), i);
            }
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        Set<String> unread = new HashSet<>();
        pending.values().forEach(k -> k.keys().forEach(key -> unread.add(key.get(PK).s())));
        return keys.stream().map(k -> k.get(PK).s()).filter(pk -> payments.containsKey(pk) && !unread.contains(pk))
                .map(pk -> new Loaded(payments.get(pk), snapshots.get(pk))).toList();
    }
}
