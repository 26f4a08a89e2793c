package com.insurepay.common.analytics;

import static com.insurepay.common.payment.PaymentStatus.*;
import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.common.analytics.AnalyticsReport.FailureReason;
import com.insurepay.common.analytics.AnalyticsReport.Revenue;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.store.StoredPayment;
import com.insurepay.common.table.PaymentTable;
import com.insurepay.testsupport.DynamoDbSandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The analytics outbox against dynamodb-sandbox: every payment change is counted exactly once into its day item,
 * whatever races the rollup (a transition between its read and its write, a second rollup, DynamoDB failing before
 * or after a write). After every scenario the day items equal the sum of the contributions of the stored payments,
 * and the hand-counted figures.
 */
class AnalyticsRollupTest {

    static final Clock CLOCK = Clock.systemUTC();
    static final DynamoDbSandboxServer SERVER = DynamoDbSandboxServer.shared();

    String table;
    String tenant;
    DynamoDbClient client;
    PaymentRepository repository;
    AnalyticsRollup rollup;
    AnalyticsQueries queries;
    final List<String> paymentIds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        // A table per test: the due index is shared by every tenant, and each test counts what it swept.
        table = "analytics_" + UUID.randomUUID().toString().substring(0, 8);
        tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        client = SERVER.newClient();
        PaymentTable.ensure(client, table);
        use(client);
    }

    void use(DynamoDbClient c) {
        repository = new PaymentRepository(c, table, CLOCK);
        rollup = new AnalyticsRollup(c, table, CLOCK, new SimpleMeterRegistry(), 1000);
        queries = new AnalyticsQueries(c, table, CLOCK);
    }

    @Test
    void everyOutcomeIsCountedOnceAndTheReportAddsUp() {
        elevenPaymentsOfEveryKind();
        AnalyticsRollup.Sweep sweep = rollup.sweep();
        assertEquals(11, sweep.counted(), sweep.toString());
        assertHandCounted(report());
        assertEquals(0, rollup.sweep().found(), "nothing left due");
        assertHandCounted(report());
        assertDayItemsEqualTheContributions();
    }

    @Test
    void aPaymentChangedAfterItWasCountedMovesBetweenOutcomesWithoutBeingCountedTwice() {
        Payment p = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        rollup.sweep();
        assertEquals(1, report().totals().pending());
        apply(p, paid());
        rollup.sweep();
        apply(p, Transition.to(PARTIALLY_REFUNDED, api()).with(PaymentChanges.NONE.withRefundedAmount(5000)));
        apply(p, Transition.to(REFUNDED, api()).with(PaymentChanges.NONE.withRefundedAmount(15000)));
        rollup.sweep();
        AnalyticsReport r = report();
        assertEquals(1, r.totals().started());
        assertEquals(0, r.totals().pending());
        assertEquals(1, r.totals().completed());
        assertEquals(1, r.totals().refunds(), "a payment with two refunds is one payment with a refund");
        assertEquals(List.of(new Revenue("SGD", 15000, 15000, 0, "SGD 150.00", "SGD 150.00", "SGD 0.00")), r.revenue());
        assertDayItemsEqualTheContributions();
    }

    /** The outbox marker comes only with a change of figures' inputs: refused or recorded-only entries leave none. */
    @Test
    void onlyAppliedChangesMarkThePaymentDue() {
        Payment p = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        assertTrue(item(p).containsKey(PaymentTable.STATS_DUE_ATTRIBUTE), "a new payment is due");
        apply(p, paid());
        rollup.sweep();
        assertFalse(item(p).containsKey(PaymentTable.STATS_DUE_ATTRIBUTE));
        assertFalse(repository.apply(p.paymentId(), Transition.to(EXPIRED, TransitionCause.webhook("evt_late", "late expiry")))
                .applied(), "refused: recorded in the history only");
        repository.recordReferences(p.paymentId(), null, TransitionCause.system("ids"), PaymentChanges.NONE.withStripeSession("cs_x"));
        assertFalse(item(p).containsKey(PaymentTable.STATS_DUE_ATTRIBUTE), "nothing to count again");
        apply(p, Transition.to(PARTIALLY_REFUNDED, api()).with(PaymentChanges.NONE.withRefundedAmount(100)));
        assertTrue(item(p).containsKey(PaymentTable.STATS_DUE_ATTRIBUTE), "an applied change is due again");
    }

    /** The version race: a transition lands between the rollup's read and its write. */
    @Test
    void aPaymentChangedWhileTheRollupRunsIsLeftDueAndCountedAgain() {
        Payment p = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        Map<String, AttributeValue> read = item(p);
        apply(p, paid());
        assertFalse(rollup.count(read, snapshot(p)), "the write conditioned on the version read is refused");
        assertTrue(item(p).containsKey(PaymentTable.STATS_DUE_ATTRIBUTE), "still due");
        assertEquals(0, queries.dayFigures(tenant, today().minusDays(1), today().plusDays(1)).size(), "nothing counted yet");
        rollup.sweep();
        AnalyticsReport r = report();
        assertEquals(1, r.totals().completed());
        assertEquals(0, r.totals().pending());
        assertFalse(item(p).containsKey(PaymentTable.STATS_DUE_ATTRIBUTE));
        assertDayItemsEqualTheContributions();
    }

    @Test
    void theMetersSayWhatTheSweepsDid() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AnalyticsRollup metered = new AnalyticsRollup(client, table, CLOCK, registry, 1000);
        Payment p = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        Map<String, AttributeValue> stale = item(p);
        assertEquals(new AnalyticsRollup.Sweep(2, 2, 0), metered.sweep());
        assertFalse(metered.count(stale, null), "already counted");
        assertEquals(2.0, registry.get("insurepay.analytics.rollup.applied").counter().count());
        assertEquals(1.0, registry.get("insurepay.analytics.rollup.conflicts").counter().count());
        assertEquals(0.0, registry.get("insurepay.analytics.rollup.backlog").gauge().value());
        assertEquals(0.0, registry.get("insurepay.analytics.rollup.lag").gauge().value());
        assertTrue(registry.get("insurepay.analytics.rollup.last.run").gauge().value() > 1.7e9);
    }

    /** Two replicas read the same payment: exactly one counts it. */
    @Test
    void twoRollupsCountingTheSamePaymentCountItOnce() {
        Payment p = create(PaymentKind.PAYMENT_LINK, "USD", 20000, "Home Cover");
        apply(p, paid());
        Map<String, AttributeValue> first = item(p);
        Map<String, AttributeValue> second = item(p);
        AnalyticsRollup other = new AnalyticsRollup(SERVER.newClient(), table, CLOCK, new SimpleMeterRegistry(), 1000);
        assertTrue(rollup.count(first, snapshot(p)));
        assertFalse(other.count(second, null), "the second replica's write is refused: the mark is gone");
        AnalyticsReport r = report();
        assertEquals(1, r.totals().started());
        assertEquals(1, r.totals().completedPayLater());
        assertEquals(20000, r.revenue().get(0).gross());
        assertDayItemsEqualTheContributions();
    }

    /**
     * BatchGetItem reads the payment and its snapshot one by one: the snapshot read, another rollup counts the payment,
     * a transition lands, then the payment is read. The Put of the snapshot is conditioned on the one read: refused.
     */
    @Test
    void aSnapshotReplacedBetweenTheTwoReadsIsNotCountedFrom() {
        Payment p = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        rollup.sweep();
        Map<String, AttributeValue> stale = snapshot(p);
        apply(p, paid());
        rollup.sweep();
        apply(p, Transition.to(PARTIALLY_REFUNDED, api()).with(PaymentChanges.NONE.withRefundedAmount(5000)));
        assertFalse(rollup.count(item(p), stale), "counting from a snapshot replaced since would count the payment twice");
        assertTrue(item(p).containsKey(PaymentTable.STATS_DUE_ATTRIBUTE), "still due");
        rollup.sweep();
        assertEquals(1, report().totals().completed());
        assertEquals(1, report().totals().refunds());
        assertDayItemsEqualTheContributions();
    }

    /**
     * The payment item stays lean (issue 14: DynamoDB bills a write per started KB and every transition rewrites the
     * whole item): after a rollup it carries the same attributes as before, less the marker; what was counted lives in
     * its own item under the payment's partition, in no index.
     */
    @Test
    void theCountedSnapshotLivesInItsOwnItemNotOnThePayment() {
        Payment p = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(p, paid());
        Map<String, AttributeValue> before = new java.util.HashMap<>(item(p));
        assertNull(snapshot(p), "never counted: no snapshot yet");
        assertEquals(new AnalyticsRollup.Sweep(1, 1, 0), rollup.sweep());
        Map<String, AttributeValue> after = item(p);
        java.util.Set<String> expected = new java.util.TreeSet<>(before.keySet());
        expected.remove(PaymentTable.STATS_DUE_ATTRIBUTE);
        assertEquals(expected, new java.util.TreeSet<>(after.keySet()), "only the marker went");
        before.remove(PaymentTable.STATS_DUE_ATTRIBUTE);
        assertEquals(before, after, "and nothing else changed");
        assertEquals(itemSize(before), itemSize(after));

        Map<String, AttributeValue> snapshot = snapshot(p);
        assertEquals(PaymentTable.StatsCounted.ENTITY_VALUE, snapshot.get(PaymentTable.ENTITY).s());
        assertEquals(PaymentContribution.of(StoredPayment.of(after)).figures(), PaymentContribution.counted(snapshot).figures());
        java.util.Set<String> indexKeys = new java.util.HashSet<>();
        PaymentTable.createTableRequest(table).globalSecondaryIndexes()
                .forEach(g -> g.keySchema().forEach(k -> indexKeys.add(k.attributeName())));
        snapshot.keySet().forEach(name -> assertFalse(indexKeys.contains(name), name + " would put the snapshot in an index"));

        apply(p, Transition.to(PARTIALLY_REFUNDED, api()).with(PaymentChanges.NONE.withRefundedAmount(5000)));
        Map<String, AttributeValue> changed = new java.util.HashMap<>(item(p));
        rollup.sweep();
        changed.remove(PaymentTable.STATS_DUE_ATTRIBUTE);
        assertEquals(changed, item(p), "counting again changes nothing on the payment but its marker");
        assertEquals(5000L, PaymentContribution.counted(snapshot(p)).figures().get(PaymentTable.Stats.REFUNDED_PREFIX + "SGD"));
    }

    /** DynamoDB's item size: attribute names plus values (strings and numbers approximated by their text). */
    static int itemSize(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().toString().length()).sum();
    }

    /** DynamoDB refuses a transaction mid-sweep, then answers again: what was counted stays, the rest follows. */
    @Test
    void dynamoDbFailingBeforeAWriteMidSweepCountsNothingTwice() {
        elevenPaymentsOfEveryKind();
        use(failingClient(4, false));
        assertThrows(SdkClientException.class, rollup::sweep);
        use(client);
        assertTrue(rollup.sweep().counted() > 0);
        assertHandCounted(report());
        assertDayItemsEqualTheContributions();
    }

    /** A transaction commits but its answer is lost: the payment is no longer due, so it is never counted again. */
    @Test
    void aLostAnswerAfterACommittedWriteCountsNothingTwice() {
        elevenPaymentsOfEveryKind();
        use(failingClient(4, true));
        assertThrows(SdkClientException.class, rollup::sweep);
        use(client);
        rollup.sweep();
        assertHandCounted(report());
        assertDayItemsEqualTheContributions();
    }

    /** The DynamoDB server itself stops in the middle of a sweep and starts again with its data. */
    @Test
    void theDatabaseStoppingMidSweepAndStartingAgainCountsNothingTwice() throws Exception {
        Path data = Files.createTempDirectory("analytics-outage");
        DynamoDbSandboxServer own = DynamoDbSandboxServer.startPersistent(DynamoDbSandboxServer.freePort(), data);
        try {
            client = own.newClient();
            PaymentTable.ensure(client, table);
            use(client);
            elevenPaymentsOfEveryKind();
            AtomicInteger transactions = new AtomicInteger();
            use(clientOf(own, new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if ("TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                            && transactions.incrementAndGet() == 5) {
                        own.stop();
                    }
                }
            }));
            assertThrows(SdkClientException.class, rollup::sweep);
            own.start();
            use(client);
            rollup.sweep();
            assertHandCounted(report());
            assertDayItemsEqualTheContributions();
        } finally {
            own.stop();
        }
    }

    @Test
    void aProductFilterAndTheCohortDay() {
        create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        Payment home = create(PaymentKind.CHECKOUT, "SGD", 30000, "Home & Contents #1");
        apply(home, paid());
        rollup.sweep();
        AnalyticsReport r = queries.report(tenant, today(), today(), Optional.of("Home & Contents #1"));
        assertEquals(1, r.totals().started());
        assertEquals(1, r.totals().completed());
        assertEquals("Home & Contents #1", r.productName());
        assertEquals(1, r.days().size());
        assertEquals(Map.of("SGD", 30000L), r.days().get(0).gross());
        assertEquals(0, queries.report(tenant, today().minusDays(3), today().minusDays(1), Optional.empty()).totals().started(),
                "a payment counts on the day it was started");
        assertEquals(2, report().totals().started());
    }

    @Test
    void periodsThatCannotBeReportedAreRefusedWithTheRule() {
        LocalDate d = LocalDate.of(2026, 12, 3);
        assertTrue(AnalyticsQueries.checkPeriod(d, d).isEmpty());
        assertTrue(AnalyticsQueries.checkPeriod(d.minusDays(365), d).isEmpty(), "366 days");
        assertEquals("the period from 2025-12-02 to 2026-12-03 is 367 days; at most 366 days can be reported at once",
                AnalyticsQueries.checkPeriod(d.minusDays(366), d).orElseThrow());
        assertEquals("from (2026-12-04) must not be after to (2026-12-03)", AnalyticsQueries.checkPeriod(d.plusDays(1), d).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> queries.report(tenant, d.plusDays(1), d, Optional.empty()));
    }

    @Test
    void theBacklogCountsOnlyTheTenantsUncountedPayments() {
        create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        String mine = tenant;
        tenant = "another-" + mine;
        create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        assertEquals(1, queries.backlog(tenant));
        assertEquals(2, queries.backlog(mine));
        assertEquals(2, queries.report(mine, today(), today(), Optional.empty()).rollupBacklog());
        rollup.sweep();
        assertEquals(0, queries.backlog(mine));
    }

    // --- the eleven payments, and their figures counted by hand ---

    void elevenPaymentsOfEveryKind() {
        Payment a = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(a, paid());
        Payment b = create(PaymentKind.PAYMENT_LINK, "USD", 20000, "Home Cover");
        apply(b, paid());
        Payment c = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(c, declined("Your card was declined."));
        Payment d = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(d, declined("Your card was declined."));
        apply(d, Transition.to(EXPIRED, api()));
        Payment e = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(e, Transition.to(CANCELLED, api()));
        create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover"); // pending
        Payment g = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(g, Transition.to(CANCELLED, api()));
        apply(g, Transition.to(PAID_AFTER_CLOSE, api()).with(PaymentChanges.paid("pi_late")));
        apply(g, Transition.to(REFUNDED, api()).with(PaymentChanges.NONE.withRefundedAmount(15000)));
        Payment h = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(h, paid());
        apply(h, Transition.to(PARTIALLY_REFUNDED, api()).with(PaymentChanges.NONE.withRefundedAmount(5000)));
        Payment i = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(i, paid());
        apply(i, Transition.to(REFUNDED, api()).with(PaymentChanges.NONE.withRefundedAmount(15000)));
        Payment j = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(j, paid());
        apply(j, Transition.to(DISPUTED, api()).with(PaymentChanges.NONE.withDispute("dp_1", Payment.DISPUTE_OPEN)));
        Payment k = create(PaymentKind.CHECKOUT, "SGD", 15000, "Travel Cover");
        apply(k, declined("Insufficient funds"));
        apply(k, paid());
    }

    static void assertHandCounted(AnalyticsReport r) {
        assertEquals(new AnalyticsReport.Totals(11, 10, 1, 1, 6, 5, 1, 1, 1, 1, 1, 2, 1), r.totals());
        assertEquals(new BigDecimal("0.5455"), r.conversion().overall());
        assertEquals(new BigDecimal("0.5000"), r.conversion().buyNow());
        assertEquals(new BigDecimal("1.0000"), r.conversion().payLater());
        assertEquals(List.of(new Revenue("SGD", 75000, 20000, 55000, "SGD 750.00", "SGD 200.00", "SGD 550.00"),
                new Revenue("USD", 20000, 0, 20000, "USD 200.00", "USD 0.00", "USD 200.00")), r.revenue());
        assertEquals(List.of(new FailureReason("your_card_was_declined", 2)), r.topFailureReasons());
        assertEquals(6, r.timeToPay().paidPayments());
        assertEquals(30L, r.timeToPay().medianAtMostSeconds());
        assertEquals("≤ 30 s", r.timeToPay().median());
        assertEquals("≤ 30 s", r.timeToPay().p90());
        long days = r.days().stream().mapToLong(AnalyticsReport.Day::started).sum();
        assertEquals(11, days, "the days add up to the totals");
    }

    /** The day items hold exactly the sum of what every stored payment contributes now. */
    void assertDayItemsEqualTheContributions() {
        List<PaymentContribution> contributions = paymentIds.stream()
                .map(id -> PaymentContribution.of(repository.findStored(id).orElseThrow())).toList();
        assertEquals(PaymentContribution.sumByDay(contributions),
                queries.dayFigures(tenant, today().minusDays(1), today().plusDays(1)));
        for (String id : paymentIds) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(PaymentItems.key(id)).consistentRead(true))
                    .item();
            assertFalse(item.containsKey(PaymentTable.STATS_DUE_ATTRIBUTE), id + " is counted");
            assertEquals(PaymentContribution.of(StoredPayment.of(item)).figures(),
                    PaymentContribution.counted(snapshot(id)).figures());
        }
    }

    // --- helpers ---

    AnalyticsReport report() {
        return queries.report(tenant, today().minusDays(1), today().plusDays(1), Optional.empty());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    Payment create(PaymentKind kind, String currency, long amount, String product) {
        Payment p = Payment.newPending(Ids.newPaymentId(CLOCK.instant()), tenant, "user-1", "quote-" + UUID.randomUUID(),
                Money.of(amount, currency), product, null, kind, CLOCK.instant().plus(Duration.ofHours(1)), CLOCK.instant());
        repository.create(p, TransitionCause.api("initiate_purchase"));
        paymentIds.add(p.paymentId());
        return p;
    }

    void apply(Payment p, Transition t) {
        assertTrue(repository.apply(p.paymentId(), t).applied(), t.target() + " on " + p.paymentId());
    }

    Map<String, AttributeValue> item(Payment p) {
        return client.getItem(b -> b.tableName(table).key(PaymentItems.key(p.paymentId())).consistentRead(true)).item();
    }

    /** The payment's analytics snapshot item, null when it has none. */
    Map<String, AttributeValue> snapshot(Payment p) {
        return snapshot(p.paymentId());
    }

    Map<String, AttributeValue> snapshot(String paymentId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(PaymentItems.statsCountedKey(paymentId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    static TransitionCause api() {
        return TransitionCause.api("test");
    }

    static Transition paid() {
        return Transition.to(COMPLETED, api()).with(PaymentChanges.paid("pi_" + UUID.randomUUID()));
    }

    static Transition declined(String reason) {
        return Transition.to(FAILED, api()).with(PaymentChanges.NONE.withFailureReason(reason));
    }

    /** A client whose {@code n}-th TransactWriteItems fails before it is sent, or after it committed (answer lost). */
    DynamoDbClient failingClient(int n, boolean afterCommit) {
        AtomicInteger transactions = new AtomicInteger();
        return clientOf(SERVER, new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (!afterCommit && isNth(attributes)) {
                    throw SdkClientException.create("DynamoDB unreachable (test)");
                }
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (afterCommit && isNth(attributes)) {
                    throw SdkClientException.create("answer lost after the write (test)");
                }
            }

            private boolean isNth(ExecutionAttributes attributes) {
                return "TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                        && transactions.incrementAndGet() == n;
            }
        });
    }

    static DynamoDbClient clientOf(DynamoDbSandboxServer server, ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.of(DynamoDbSandboxServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(DynamoDbSandboxServer.ACCESS_KEY, DynamoDbSandboxServer.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor).retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

}
