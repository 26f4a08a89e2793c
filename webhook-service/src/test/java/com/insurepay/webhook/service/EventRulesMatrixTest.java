package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.*;
import static com.insurepay.webhook.support.Deliveries.outcomeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.ProcessedEventStore;
import com.insurepay.testsupport.DynamoDbLocalTestResource;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every handled event type delivered to a payment in each of its possible statuses. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class EventRulesMatrixTest {

    static final String DECLINE = "Your card has insufficient funds.";
    static final long PARTIAL = 7000;

    @Inject
    PaymentSeeder seeder;

    @Inject
    ProcessedEventStore events;

    /** One kind of delivery: its Stripe type, how to build it for a payment, and where it may lead. */
    enum Delivery {
        SESSION_COMPLETED_PAID("checkout.session.completed", COMPLETED, p -> StripeEvents.session(p.sessionId(), p.paymentId(),
                p.paymentId(), "paid", p.paymentIntent(), null)),
        SESSION_COMPLETED_UNPAID("checkout.session.completed", null, p -> StripeEvents.session(p.sessionId(), p.paymentId(),
                p.paymentId(), "unpaid", p.paymentIntent(), null)),
        ASYNC_PAYMENT_SUCCEEDED("checkout.session.async_payment_succeeded", COMPLETED, p -> StripeEvents.session(p.sessionId(),
                p.paymentId(), p.paymentId(), "paid", p.paymentIntent(), null)),
        ASYNC_PAYMENT_FAILED("checkout.session.async_payment_failed", FAILED, p -> StripeEvents.session(p.sessionId(),
                p.paymentId(), p.paymentId(), "unpaid", p.paymentIntent(), null)),
        SESSION_EXPIRED("checkout.session.expired", EXPIRED, p -> StripeEvents.session(p.sessionId(), p.paymentId(),
                p.paymentId(), "unpaid", null, null)),
        PAYMENT_FAILED("payment_intent.payment_failed", FAILED, p -> StripeEvents.failedPaymentIntent(p.paymentIntent(),
                p.paymentId(), DECLINE)),
        CHARGE_REFUNDED_FULLY("charge.refunded", REFUNDED, p -> StripeEvents.refundedCharge(p.charge(), p.paymentIntent(),
                p.paymentId(), PaymentSeeder.AMOUNT, PaymentSeeder.AMOUNT)),
        CHARGE_REFUNDED_PARTLY("charge.refunded", PARTIALLY_REFUNDED, p -> StripeEvents.refundedCharge(p.charge(),
                p.paymentIntent(), p.paymentId(), PaymentSeeder.AMOUNT, PARTIAL)),
        DISPUTE_CREATED("charge.dispute.created", DISPUTED, p -> StripeEvents.dispute("dp_" + p.charge(), p.charge(),
                p.paymentIntent()));

        final String type;
        final PaymentStatus target;
        final Function<Seeded, com.google.gson.JsonObject> object;

        Delivery(String type, PaymentStatus target, Function<Seeded, com.google.gson.JsonObject> object) {
            this.type = type;
            this.target = target;
            this.object = object;
        }
    }

    /** Where each delivery is applied; everywhere else it is stale (recorded, not applied). */
    static final Map<Delivery, List<PaymentStatus>> APPLIES_FROM = Map.of(
            Delivery.SESSION_COMPLETED_PAID, List.of(PENDING, FAILED),
            Delivery.SESSION_COMPLETED_UNPAID, List.of(),
            Delivery.ASYNC_PAYMENT_SUCCEEDED, List.of(PENDING, FAILED),
            Delivery.ASYNC_PAYMENT_FAILED, List.of(PENDING, FAILED),
            Delivery.SESSION_EXPIRED, List.of(PENDING, FAILED),
            Delivery.PAYMENT_FAILED, List.of(PENDING, FAILED),
            // A refund or dispute before the completion: the completion is implied (see README).
            Delivery.CHARGE_REFUNDED_FULLY, List.of(PENDING, FAILED, COMPLETED, PARTIALLY_REFUNDED),
            Delivery.CHARGE_REFUNDED_PARTLY, List.of(PENDING, FAILED, COMPLETED, PARTIALLY_REFUNDED),
            Delivery.DISPUTE_CREATED, List.of(PENDING, FAILED, COMPLETED, PARTIALLY_REFUNDED));

    static Stream<Arguments> everyDeliveryFromEveryStatus() {
        List<Arguments> all = new ArrayList<>();
        for (Delivery d : Delivery.values()) {
            for (PaymentStatus from : PaymentStatus.values()) {
                all.add(Arguments.of(d, from));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} on a {1} payment")
    @MethodSource("everyDeliveryFromEveryStatus")
    void deliveryFromStatus(Delivery delivery, PaymentStatus from) {
        Seeded p = seeder.checkout(from);
        seeder.attachPaymentIntent(p);
        Payment before = seeder.find(p.paymentId());
        int historyBefore = seeder.history(p.paymentId()).size();
        String eventId = StripeEvents.newEventId();

        String outcome = outcomeOf(StripeEvents.event(eventId, delivery.type, delivery.object.apply(p)));

        Payment after = seeder.find(p.paymentId());
        List<HistoryEntry> history = seeder.history(p.paymentId());
        if (delivery.target == null) {
            assertEquals("recorded", outcome);
            assertEquals(from, after.status());
            assertEquals(historyBefore, history.size());
            assertEquals("recorded", events.find(eventId).orElseThrow().outcome());
            return;
        }
        HistoryEntry last = history.get(history.size() - 1);
        assertEquals(eventId, last.stripeEventId());
        assertEquals(delivery.target, last.to());
        if (APPLIES_FROM.get(delivery).contains(from)) {
            assertEquals("applied", outcome);
            assertEquals(delivery.target, after.status());
            assertTrue(last.applied());
            assertNotNull(after.webhookProcessedAt());
            assertEquals(p.paymentIntent(), after.stripePaymentIntent());
            assertEquals("applied", events.find(eventId).orElseThrow().outcome());
            if (from.isOpen() && delivery.target.isPaid()) {
                HistoryEntry implied = history.get(history.size() - 2);
                if (delivery.target != COMPLETED) {
                    assertEquals(COMPLETED, implied.to(), "the completion implied by the refund/dispute comes first");
                    assertTrue(implied.applied());
                    assertEquals(eventId, implied.stripeEventId());
                }
            }
            switch (delivery.target) {
                case COMPLETED -> assertNull(after.failureReason(), "a retried payment clears the decline");
                case FAILED -> assertEquals(delivery == Delivery.PAYMENT_FAILED ? DECLINE : StripeEventProcessor.ASYNC_FAILURE_REASON,
                        after.failureReason());
                case REFUNDED -> assertEquals(PaymentSeeder.AMOUNT, after.refundedAmount());
                case PARTIALLY_REFUNDED -> assertEquals(PARTIAL, after.refundedAmount());
                default -> { }
            }
        } else {
            assertEquals("stale", outcome);
            assertEquals(from, after.status());
            assertEquals(before.version(), after.version(), "a stale event changes nothing on the payment");
            assertEquals(before.refundedAmount(), after.refundedAmount());
            assertFalse(last.applied());
            assertEquals(from, last.from());
            assertEquals(historyBefore + 1, history.size());
            assertEquals("not_allowed", events.find(eventId).orElseThrow().outcome());
        }
    }
}
