package com.insurepay.webhook.service;

import static com.insurepay.webhook.support.Deliveries.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.testsupport.DynamoDbLocalTestResource;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import com.insurepay.webhook.support.StripeSigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
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
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class ConcurrentDeliveryTest {

    static final int THREADS = 8;

    @Inject
    PaymentSeeder seeder;

    @RepeatedTest(3)
    void eightIdenticalCompletionsRacingApplyExactlyOnce() throws Exception {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "checkout.session.completed",
                StripeEvents.session(p.sessionId(), p.paymentId(), p.paymentId(), "paid", p.paymentIntent(), null));

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
                StripeEvents.refundedCharge(p.charge(), p.paymentIntent(), p.paymentId(), PaymentSeeder.AMOUNT, 6000));

        Map<String, Long> outcomes = race(body);

        assertEquals(1L, outcomes.get("200:applied"), outcomes.toString());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, seeder.find(p.paymentId()).status());
        assertEquals(6000, seeder.find(p.paymentId()).refundedAmount());
        assertEquals(1, seeder.history(p.paymentId()).stream().filter(h -> eventId.equals(h.stripeEventId())).count());
    }

    @Test
    void eightIdenticalEventsForAnUnknownPaymentAreRecordedOnce() throws Exception {
        String body = StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.session("cs_test_not_ours", null, null, "paid", "pi_not_ours", null));
        Map<String, Long> outcomes = race(body);
        assertEquals(1L, outcomes.get("200:ignored"), outcomes.toString());
        assertEquals((long) THREADS - 1, outcomes.get("200:duplicate"), outcomes.toString());
    }

    private static Map<String, Long> race(String body) throws Exception {
        String header = StripeSigner.header(body, StripeSigner.PRIMARY_SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
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
