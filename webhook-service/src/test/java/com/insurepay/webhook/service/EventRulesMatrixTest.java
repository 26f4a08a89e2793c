package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.*;
import static com.insurepay.webhook.support.Deliveries.awaitRecord;
import static com.insurepay.webhook.support.Deliveries.outcomeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every handled event type delivered to a payment in each of its possible statuses (11 deliveries x 9 statuses). */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class EventRulesMatrixTest {

    static final String DECLINE = "Your card has insufficient funds.";
    static final long PARTIAL = 7000;

    /** Everything but the statuses no money event may leave: refunded, and (for a new dispute) disputed. */
    static final Set<PaymentStatus> REFUNDS_APPLY = EnumSet.of(PENDING, FAILED, COMPLETED, PARTIALLY_REFUNDED, EXPIRED,
            CANCELLED, PAID_AFTER_CLOSE);
    static final Set<PaymentStatus> DISPUTE_CLOSINGS_APPLY = EnumSet.complementOf(EnumSet.of(REFUNDED));

    @Inject
    PaymentSeeder seeder;

    @Inject
    DeliveryLog deliveryLog;

    /** One kind of delivery: its Stripe type, how to build it for a payment, where it leads and from where. */
    enum Delivery {
        SESSION_COMPLETED_PAID("checkout.session.completed", COMPLETED, EnumSet.of(PENDING, FAILED),
                p -> StripeEvents.session(p, "paid")),
        SESSION_COMPLETED_UNPAID("checkout.session.completed", null, EnumSet.noneOf(PaymentStatus.class),
                p -> StripeEvents.session(p, "unpaid")),
        ASYNC_PAYMENT_SUCCEEDED("checkout.session.async_payment_succeeded", COMPLETED, EnumSet.of(PENDING, FAILED),
                p -> StripeEvents.session(p, "paid")),
        ASYNC_PAYMENT_FAILED("checkout.session.async_payment_failed", FAILED, EnumSet.of(PENDING, FAILED),
                p -> StripeEvents.session(p, "unpaid")),
        SESSION_EXPIRED("checkout.session.expired", EXPIRED, EnumSet.of(PENDING, FAILED), p -> {
            JsonObject s = StripeEvents.session(p, "unpaid");
            s.add("payment_intent", null);
            s.addProperty("status", "expired");
            return s;
        }),
        PAYMENT_FAILED("payment_intent.payment_failed", FAILED, EnumSet.of(PENDING, FAILED),
                p -> StripeEvents.failedPaymentIntent(p, DECLINE)),
        // A refund or dispute before the completion: the completion (or, for a closed payment, paid_after_close) is
        // implied and written in the same request.
        CHARGE_REFUNDED_FULLY("charge.refunded", REFUNDED, REFUNDS_APPLY, p -> StripeEvents.refundedCharge(p, p.amount())),
        CHARGE_REFUNDED_PARTLY("charge.refunded", PARTIALLY_REFUNDED, REFUNDS_APPLY,
                p -> StripeEvents.refundedCharge(p, PARTIAL)),
        // The seeded disputed payment's dispute is this one: a second "created" of it changes nothing.
        DISPUTE_CREATED("charge.dispute.created", DISPUTED, EnumSet.complementOf(EnumSet.of(REFUNDED, DISPUTED)),
                p -> StripeEvents.dispute(p, "needs_response")),
        DISPUTE_CLOSED_WON("charge.dispute.closed", DISPUTED, DISPUTE_CLOSINGS_APPLY, p -> StripeEvents.dispute(p, "won")),
        DISPUTE_CLOSED_LOST("charge.dispute.closed", DISPUTED, DISPUTE_CLOSINGS_APPLY, p -> StripeEvents.dispute(p, "lost"));

        final String type;
        final PaymentStatus target;
        final Set<PaymentStatus> appliesFrom;
        final Function<Seeded, JsonObject> object;

        Delivery(String type, PaymentStatus target, Set<PaymentStatus> appliesFrom, Function<Seeded, JsonObject> object) {
            this.type = type;
            this.target = target;
            this.appliesFrom = appliesFrom;
            this.object = object;
        }

        boolean isCompletion() {
            return target == COMPLETED;
        }

        /** Late money stays late money until it is all given back: a partial refund of it keeps paid_after_close. */
        PaymentStatus targetFrom(PaymentStatus from) {
            boolean late = from.isClosedUnpaid() || from == PAID_AFTER_CLOSE;
            return this == CHARGE_REFUNDED_PARTLY && late ? PAID_AFTER_CLOSE : target;
        }
    }

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
        assertEquals(outcome, awaitRecord(deliveryLog, eventId).outcome(), "the delivery log says what the answer said");
        if (delivery.target == null) {
            assertEquals("recorded", outcome);
            assertEquals(from, after.status());
            assertEquals(historyBefore, history.size());
            return;
        }
        HistoryEntry last = history.get(history.size() - 1);
        assertEquals(eventId, last.stripeEventId());
        if (delivery.isCompletion() && from.isClosedUnpaid()) {
            // Money for a payment we had closed: never completed, never kept silently.
            assertEquals("paid_after_close", outcome);
            assertEquals(PAID_AFTER_CLOSE, after.status());
            assertEquals(PAID_AFTER_CLOSE, last.to());
            assertEquals(from, last.from());
            assertTrue(last.applied());
            assertNotNull(after.paidAt());
            assertEquals(p.paymentIntent(), after.stripePaymentIntent());
        } else if (delivery.appliesFrom.contains(from)) {
            PaymentStatus target = delivery.targetFrom(from);
            assertEquals("applied", outcome);
            assertEquals(target, after.status());
            assertEquals(target, last.to());
            assertTrue(last.applied());
            assertEquals(before.version() + 1, after.version(), "one write, also when a completion is implied");
            assertNotNull(after.webhookProcessedAt());
            assertEquals(p.paymentIntent(), after.stripePaymentIntent());
            if (target.isPaid() && target != COMPLETED && target != PAID_AFTER_CLOSE && !from.isPaid()) {
                HistoryEntry implied = history.get(history.size() - 2);
                assertEquals(from.isOpen() ? COMPLETED : PAID_AFTER_CLOSE, implied.to(),
                        "the payment implied by the refund/dispute comes first");
                assertEquals(from, implied.from());
                assertTrue(implied.applied());
                assertEquals(eventId, implied.stripeEventId());
                assertEquals(historyBefore + 2, history.size());
                assertNotNull(after.paidAt());
            } else {
                assertEquals(from, last.from());
                assertEquals(historyBefore + 1, history.size());
            }
            switch (delivery) {
                case SESSION_COMPLETED_PAID, ASYNC_PAYMENT_SUCCEEDED -> assertNull(after.failureReason(),
                        "a retried payment clears the decline");
                case PAYMENT_FAILED -> assertEquals(DECLINE, after.failureReason());
                case ASYNC_PAYMENT_FAILED -> assertEquals(StripeEventProcessor.ASYNC_FAILURE_REASON, after.failureReason());
                case CHARGE_REFUNDED_FULLY -> assertEquals(p.amount(), after.refundedAmount());
                case CHARGE_REFUNDED_PARTLY -> assertEquals(PARTIAL, after.refundedAmount());
                case DISPUTE_CREATED -> assertEquals(Payment.DISPUTE_OPEN, after.disputeStatus());
                case DISPUTE_CLOSED_WON -> assertEquals(Payment.DISPUTE_WON, after.disputeStatus());
                case DISPUTE_CLOSED_LOST -> assertEquals(Payment.DISPUTE_LOST, after.disputeStatus());
                default -> {
                }
            }
            if (delivery.target == DISPUTED) {
                assertEquals(p.dispute(), after.disputeId());
            }
        } else {
            assertEquals("stale", outcome);
            assertEquals(from, after.status());
            assertEquals(before.version(), after.version(), "a stale event changes nothing on the payment");
            assertEquals(before.refundedAmount(), after.refundedAmount());
            assertEquals(before.disputeStatus(), after.disputeStatus());
            assertEquals(delivery.target, last.to());
            assertFalse(last.applied());
            assertEquals(from, last.from());
            assertEquals(historyBefore + 1, history.size());
        }
    }
}
