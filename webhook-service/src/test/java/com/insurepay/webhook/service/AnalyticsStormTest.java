package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.analytics.AnalyticsQueries;
import com.insurepay.common.analytics.AnalyticsReport;
import com.insurepay.common.analytics.AnalyticsReport.FailureReason;
import com.insurepay.common.analytics.AnalyticsReport.Revenue;
import com.insurepay.common.analytics.AnalyticsRollup;
import com.insurepay.common.analytics.PaymentContribution;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.store.StoredPayment;
import com.insurepay.common.table.PaymentTable;
import com.insurepay.common.table.TableName;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import com.insurepay.webhook.support.StripeSigner;
import com.google.gson.JsonObject;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The analytics stay exact under Stripe's worst: duplicate, concurrent and out-of-order deliveries of 39 payments'
 * events through the real endpoint, while TWO rollups (two replicas) sweep the outbox all the time. After a final
 * sweep, the tenant's day items equal the sum of the contributions of its stored payments, and the figures counted by
 * hand from the scripts below (each script's end state does not depend on the order of its events).
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class AnalyticsStormTest {

    static final int DELIVERY_THREADS = 8;

    @Inject
    PaymentSeeder seeder;

    @Inject
    PaymentRepository payments;

    @Inject
    DynamoDbClient client;

    @Inject
    TableName table;

    @Inject
    Clock clock;

    @Test
    void duplicateConcurrentAndReorderedDeliveriesWithTwoRollupsSweepingAreCountedExactly() throws Exception {
        String tenant = "storm-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // paid; the completion delivered three times
            Seeded p = track(ids, seeder.checkout(PENDING, tenant));
            add(bodies, 3, completed(p));
        }
        for (int i = 0; i < 5; i++) { // a decline, then paid on the same session: completed in either order
            Seeded p = track(ids, seeder.checkout(PENDING, tenant));
            add(bodies, 2, declined(p));
            add(bodies, 2, completed(p));
        }
        for (int i = 0; i < 5; i++) { // paid, a third given back; the refund may overtake the completion
            Seeded p = track(ids, seeder.checkout(PENDING, tenant));
            add(bodies, 2, completed(p));
            add(bodies, 2, refunded(p, 5000));
        }
        for (int i = 0; i < 3; i++) { // paid and refunded in full
            Seeded p = track(ids, seeder.checkout(PENDING, tenant));
            add(bodies, 1, completed(p));
            add(bodies, 3, refunded(p, p.amount()));
        }
        for (int i = 0; i < 4; i++) { // the session timed out
            add(bodies, 3, expired(track(ids, seeder.checkout(PENDING, tenant))));
        }
        for (int i = 0; i < 3; i++) { // declined, never paid
            add(bodies, 3, declined(track(ids, seeder.checkout(PENDING, tenant))));
        }
        for (int i = 0; i < 2; i++) { // money after we cancelled
            add(bodies, 3, completed(track(ids, seeder.checkout(CANCELLED, tenant))));
        }
        for (int i = 0; i < 2; i++) { // paid, then disputed; a late duplicate completion
            Seeded p = track(ids, seeder.checkout(COMPLETED, tenant));
            add(bodies, 3, event("charge.dispute.created", StripeEvents.dispute(p, "needs_response")));
            add(bodies, 1, completed(p));
        }
        for (int i = 0; i < 3; i++) { // pay later: paid through the link
            add(bodies, 2, completed(track(ids, seeder.paymentLink(tenant))));
        }
        for (int i = 0; i < 2; i++) { // started, nothing happened yet
            track(ids, seeder.checkout(PENDING, tenant));
        }
        Collections.shuffle(bodies, new Random(16));

        AtomicBoolean storming = new AtomicBoolean(true);
        AtomicInteger sweeps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(DELIVERY_THREADS + 2);
        try {
            List<Future<?>> rollups = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                AnalyticsRollup replica = new AnalyticsRollup(client, table.value(), clock, new SimpleMeterRegistry(), 1000);
                rollups.add(pool.submit(() -> {
                    while (storming.get()) {
                        replica.sweep();
                        sweeps.incrementAndGet();
                    }
                    return null;
                }));
            }
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> deliveries = new ArrayList<>();
            for (int t = 0; t < DELIVERY_THREADS; t++) {
                deliveries.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        String body = bodies.get(i);
                        io.restassured.RestAssured.given().contentType("application/json; charset=utf-8")
                                .header("Stripe-Signature", StripeSigner.header(body, StripeSigner.PRIMARY_SECRET)).body(body)
                                .post("/webhook/stripe").then().statusCode(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : deliveries) {
                f.get();
            }
            storming.set(false);
            for (Future<?> f : rollups) {
                f.get(); // a rollup that failed fails the test
            }
        } finally {
            storming.set(false);
            pool.shutdownNow();
        }
        assertTrue(sweeps.get() >= 2, "the rollups swept during the storm: " + sweeps.get());

        AnalyticsRollup last = new AnalyticsRollup(client, table.value(), clock, new SimpleMeterRegistry(), 1000);
        while (last.sweep().found() > 0) {
            // until nothing is due (other tests' payments are counted too; harmless)
        }

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AnalyticsQueries queries = new AnalyticsQueries(client, table.value(), clock);
        List<PaymentContribution> contributions = new ArrayList<>();
        for (String id : ids) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table.value()).key(PaymentItems.key(id))
                    .consistentRead(true)).item();
            assertFalse(item.containsKey(PaymentTable.STATS_DUE_ATTRIBUTE), id + " is counted");
            PaymentContribution c = PaymentContribution.of(StoredPayment.of(item));
            Map<String, AttributeValue> snapshot = client.getItem(b -> b.tableName(table.value()).key(PaymentItems.statsCountedKey(id))
                    .consistentRead(true)).item();
            assertEquals(c.figures(), PaymentContribution.counted(snapshot).figures(), id + ": what was counted is what it is");
            contributions.add(c);
        }
        assertEquals(PaymentContribution.sumByDay(contributions), queries.dayFigures(tenant, today.minusDays(1), today.plusDays(1)),
                "the day items are the sum of the stored payments' contributions");

        AnalyticsReport r = queries.report(tenant, today.minusDays(1), today.plusDays(1), Optional.empty());
        assertEquals(new AnalyticsReport.Totals(39, 36, 3, 2, 28, 25, 3, 3, 4, 0, 2, 8, 2), r.totals(), statuses(ids).toString());
        assertEquals(new BigDecimal("0.7179"), r.conversion().overall());
        assertEquals(new BigDecimal("0.6944"), r.conversion().buyNow());
        assertEquals(new BigDecimal("1.0000"), r.conversion().payLater());
        assertEquals(List.of(new Revenue("SGD", 420000, 70000, 350000, "SGD 4,200.00", "SGD 700.00", "SGD 3,500.00")), r.revenue());
        assertEquals(List.of(new FailureReason("your_card_was_declined", 3)), r.topFailureReasons());
        assertEquals(28, r.timeToPay().paidPayments());
        assertEquals(0, r.rollupBacklog());
    }

    private Map<PaymentStatus, Long> statuses(List<String> ids) {
        return ids.stream().collect(java.util.stream.Collectors.groupingBy(id -> payments.find(id).orElseThrow().status(),
                java.util.stream.Collectors.counting()));
    }

    private static Seeded track(List<String> ids, Seeded p) {
        ids.add(p.paymentId());
        return p;
    }

    private static void add(List<String> bodies, int copies, String body) {
        bodies.addAll(Collections.nCopies(copies, body));
    }

    private static String completed(Seeded p) {
        return event("checkout.session.completed", StripeEvents.session(p, "paid"));
    }

    private static String declined(Seeded p) {
        return event("payment_intent.payment_failed", StripeEvents.failedPaymentIntent(p, "Your card was declined."));
    }

    private static String refunded(Seeded p, long cumulative) {
        return event("charge.refunded", StripeEvents.refundedCharge(p, cumulative));
    }

    private static String expired(Seeded p) {
        JsonObject session = StripeEvents.session(p, "unpaid");
        session.add("payment_intent", null);
        return event("checkout.session.expired", session);
    }

    private static String event(String type, JsonObject object) {
        return StripeEvents.event(StripeEvents.newEventId(), type, object);
    }
}
