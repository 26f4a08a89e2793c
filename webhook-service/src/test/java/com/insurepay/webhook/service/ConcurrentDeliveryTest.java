package com.insurepay.webhook.service;

import static com.insurepay.webhook.support.Deliveries.awaitRecord;
import static com.insurepay.webhook.support.Deliveries.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import com.insurepay.webhook.support.StripeSigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Identical deliveries racing (Stripe retries overlapping a slow answer): exactly one applies. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class ConcurrentDeliveryTest {

    static final int THREADS = 8;

    @Inject
    PaymentSeeder seeder;

    @Inject
    DeliveryLog deliveryLog;

    @RepeatedTest(3)
    void eightIdenticalCompletionsRacingApplyExactlyOnce() throws Exception {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "checkout.session.completed",
                StripeEvents.session(p, "paid"));

        Map<String, Long> outcomes = race(body);

        assertEquals(1L, outcomes.get("200:applied"), outcomes.toString());
        assertEquals((long) THREADS - 1, outcomes.get("200:duplicate"), outcomes.toString());
        assertEquals(PaymentStatus.COMPLETED, seeder.find(p.paymentId()).status());
        List<HistoryEntry> byThisEvent = seeder.history(p.paymentId()).stream()
                .filter(h -> eventId.equals(h.stripeEventId())).toList();
        assertEquals(1, byThisEvent.size(), "one history entry for the event: " + byThisEvent);
        assertEquals(true, byThisEvent.get(0).applied());
    }

    @Test
    void eightIdenticalRefundsRacingOnACompletedPaymentApplyExactlyOnce() throws Exception {
        Seeded p = seeder.checkout(PaymentStatus.COMPLETED);
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "charge.refunded",
                StripeEvents.refundedCharge(p, 6000));

        Map<String, Long> outcomes = race(body);

        assertEquals(1L, outcomes.get("200:applied"), outcomes.toString());
        assertEquals((long) THREADS - 1, outcomes.get("200:duplicate"), outcomes.toString());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, seeder.find(p.paymentId()).status());
        assertEquals(6000, seeder.find(p.paymentId()).refundedAmount());
        assertEquals(1, seeder.history(p.paymentId()).stream().filter(h -> eventId.equals(h.stripeEventId())).count());
    }

    /** A refund can overtake its completion and meet it half-way (its implied completion refused): both still count. */
    @Test
    void aCompletionAndAFullRefundRacingAlwaysEndRefunded() throws Exception {
        for (int round = 0; round < 10; round++) {
            Seeded p = seeder.checkout(PaymentStatus.PENDING);
            String completion = StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                    StripeEvents.session(p, "paid"));
            String refundId = StripeEvents.newEventId();
            String refund = StripeEvents.event(refundId, "charge.refunded", StripeEvents.refundedCharge(p, p.amount()));

            Map<String, Long> outcomes = race(List.of(completion, refund));

            assertEquals(PaymentStatus.REFUNDED, seeder.find(p.paymentId()).status(), "round " + round + ": " + outcomes);
            assertEquals(p.amount(), seeder.find(p.paymentId()).refundedAmount());
            assertTrue(seeder.history(p.paymentId()).stream()
                    .anyMatch(h -> refundId.equals(h.stripeEventId()) && h.to() == PaymentStatus.REFUNDED && h.applied()));
        }
    }

    @Test
    void eightIdenticalCompletionsOfAPaymentLinkSessionRacingApplyExactlyOnceAndStoreTheSession() throws Exception {
        Seeded link = seeder.paymentLink();
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "checkout.session.completed", StripeEvents.session(link, "paid"));

        Map<String, Long> outcomes = race(body);

        assertEquals(1L, outcomes.get("200:applied"), outcomes.toString());
        assertEquals((long) THREADS - 1, outcomes.get("200:duplicate"), outcomes.toString());
        assertEquals(link.sessionId(), seeder.find(link.paymentId()).stripeSessionId());
        assertEquals(1, seeder.history(link.paymentId()).stream().filter(h -> eventId.equals(h.stripeEventId())).count());
    }

    @Test
    void eightIdenticalEventsForAnUnknownPaymentAreAllAcknowledgedAsIgnoredAndLoggedOnce() throws Exception {
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "checkout.session.completed",
                StripeEvents.session("cs_test_not_ours", null, null, "paid", "pi_not_ours", null, 15000, "sgd"));
        // Not ours: no payment item holds a de-duplication mark, so every copy is answered the same, harmlessly.
        Map<String, Long> outcomes = race(body);
        assertEquals((long) THREADS, outcomes.get("200:ignored"), outcomes.toString());
        assertEquals("ignored", awaitRecord(deliveryLog, eventId).outcome());
    }

    private static Map<String, Long> race(String body) throws Exception {
        return race(Collections.nCopies(THREADS, body));
    }

    /** Delivers every body at once, each from its own thread; counts the answers ("200:applied" ...). */
    private static Map<String, Long> race(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (String body : bodies) {
                String header = StripeSigner.header(body, StripeSigner.PRIMARY_SECRET);
                Callable<String> delivery = () -> {
                    start.await();
                    var response = deliver(body, header).extract();
                    return response.statusCode() + ":" + response.path("outcome");
                };
                results.add(pool.submit(delivery));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            return outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
