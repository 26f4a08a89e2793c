package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.*;
import static com.insurepay.webhook.support.Deliveries.outcomeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.testsupport.DynamoDbLocalTestResource;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stripe does not guarantee order: every pair whose order matters, delivered the "wrong" way round, ends in the
 * state the right order gives (or, where the state machine forbids it, is kept in the history as not applied).
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class OutOfOrderDeliveryTest {

    static final long AMOUNT = PaymentSeeder.AMOUNT;

    @Inject
    PaymentSeeder seeder;

    @Inject
    PaymentRepository payments;

    static String completed(Seeded p) {
        return event("checkout.session.completed", StripeEvents.session(p.sessionId(), p.paymentId(), p.paymentId(), "paid",
                p.paymentIntent(), null));
    }

    static String expired(Seeded p) {
        return event("checkout.session.expired", StripeEvents.session(p.sessionId(), p.paymentId(), p.paymentId(), "unpaid",
                null, null));
    }

    static String declined(Seeded p) {
        return event("payment_intent.payment_failed", StripeEvents.failedPaymentIntent(p.paymentIntent(), p.paymentId(),
                "Your card was declined."));
    }

    static String refunded(Seeded p, long cumulative) {
        return event("charge.refunded", StripeEvents.refundedCharge(p.charge(), p.paymentIntent(), p.paymentId(), AMOUNT, cumulative));
    }

    static String disputed(Seeded p) {
        return event("charge.dispute.created", StripeEvents.dispute("dp_" + p.charge(), p.charge(), p.paymentIntent()));
    }

    static String event(String type, JsonObject object) {
        return StripeEvents.event(StripeEvents.newEventId(), type, object);
    }

    @Test
    void expiredAfterCompletedIsRecordedNotApplied() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(completed(p)));
        assertEquals("stale", outcomeOf(expired(p)));
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
        HistoryEntry last = last(p);
        assertEquals(EXPIRED, last.to());
        assertFalse(last.applied());
    }

    @Test
    void aDeclineAfterCompletedIsRecordedNotApplied() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(completed(p)));
        assertEquals("stale", outcomeOf(declined(p)));
        Payment after = seeder.find(p.paymentId());
        assertEquals(COMPLETED, after.status());
        assertNull(after.failureReason());
    }

    @Test
    void completedAfterADeclineIsApplied() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(declined(p)));
        assertEquals("Your card was declined.", seeder.find(p.paymentId()).failureReason());
        assertEquals("applied", outcomeOf(completed(p)));
        Payment after = seeder.find(p.paymentId());
        assertEquals(COMPLETED, after.status());
        assertNull(after.failureReason());
    }

    @Test
    void twoDeclinesThenSuccessEndCompleted() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(declined(p)));
        assertEquals("applied", outcomeOf(declined(p)));
        assertEquals("applied", outcomeOf(completed(p)));
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
    }

    @Test
    void aFullRefundBeforeTheCompletionEndsRefunded() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(refunded(p, AMOUNT)));
        assertEquals("stale", outcomeOf(completed(p)));
        Payment after = seeder.find(p.paymentId());
        assertEquals(REFUNDED, after.status());
        assertEquals(AMOUNT, after.refundedAmount());
        List<HistoryEntry> history = seeder.history(p.paymentId());
        // created, completed (implied by the refund), refunded, completed (late, not applied)
        assertEquals(List.of(PENDING, COMPLETED, REFUNDED, COMPLETED), history.stream().map(HistoryEntry::to).toList());
        assertEquals(List.of(true, true, true, false), history.stream().map(HistoryEntry::applied).toList());
    }

    @Test
    void aPartialRefundBeforeTheCompletionEndsPartiallyRefunded() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(refunded(p, 4000)));
        assertEquals("stale", outcomeOf(completed(p)));
        Payment after = seeder.find(p.paymentId());
        assertEquals(PARTIALLY_REFUNDED, after.status());
        assertEquals(4000, after.refundedAmount());
    }

    @Test
    void anOlderPartialRefundArrivingLateNeverLowersTheRefundedAmount() {
        Seeded p = seeder.checkout(COMPLETED);
        assertEquals("applied", outcomeOf(refunded(p, 10000)));
        assertEquals("stale", outcomeOf(refunded(p, 4000)));
        Payment after = seeder.find(p.paymentId());
        assertEquals(PARTIALLY_REFUNDED, after.status());
        assertEquals(10000, after.refundedAmount());
    }

    @Test
    void partialRefundsInAnyOrderWithTheFullOneEndRefunded() {
        Seeded p = seeder.checkout(COMPLETED);
        assertEquals("applied", outcomeOf(refunded(p, AMOUNT)));
        assertEquals("stale", outcomeOf(refunded(p, 5000)));
        assertEquals("stale", outcomeOf(refunded(p, 10000)));
        Payment after = seeder.find(p.paymentId());
        assertEquals(REFUNDED, after.status());
        assertEquals(AMOUNT, after.refundedAmount());
    }

    @Test
    void aRefundAfterOurOwnRefundRecordIsNotCountedTwice() {
        // checkout-service records the refund it made (5000); Stripe's event then says the same cumulative amount.
        Seeded p = seeder.checkout(PARTIALLY_REFUNDED);
        assertEquals("stale", outcomeOf(refunded(p, PaymentSeeder.PARTIAL_REFUND_SEEDED)));
        assertEquals(PaymentSeeder.PARTIAL_REFUND_SEEDED, seeder.find(p.paymentId()).refundedAmount());
        assertEquals("applied", outcomeOf(refunded(p, 9000)));
        assertEquals(9000, seeder.find(p.paymentId()).refundedAmount());
    }

    @Test
    void aDisputeBeforeTheCompletionEndsDisputed() {
        Seeded p = seeder.checkout(PENDING);
        seeder.attachPaymentIntent(p);
        assertEquals("applied", outcomeOf(disputed(p)));
        assertEquals("stale", outcomeOf(completed(p)));
        assertEquals(DISPUTED, seeder.find(p.paymentId()).status());
    }

    @Test
    void aRefundAfterADisputeIsRecordedNotApplied() {
        Seeded p = seeder.checkout(COMPLETED);
        assertEquals("applied", outcomeOf(disputed(p)));
        assertEquals("stale", outcomeOf(refunded(p, AMOUNT)));
        assertEquals(DISPUTED, seeder.find(p.paymentId()).status());
    }

    @Test
    void anUnpaidCompletionArrivingAfterTheAsyncSuccessChangesNothing() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(event("checkout.session.async_payment_succeeded",
                StripeEvents.session(p.sessionId(), p.paymentId(), p.paymentId(), "paid", p.paymentIntent(), null))));
        assertEquals("recorded", outcomeOf(event("checkout.session.completed",
                StripeEvents.session(p.sessionId(), p.paymentId(), p.paymentId(), "unpaid", p.paymentIntent(), null))));
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
    }

    @Test
    void anUnpaidCompletionKeepsThePaymentPendingAndStoresItsPaymentIntent() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("recorded", outcomeOf(event("checkout.session.completed",
                StripeEvents.session(p.sessionId(), p.paymentId(), p.paymentId(), "unpaid", p.paymentIntent(), null))));
        Payment after = seeder.find(p.paymentId());
        assertEquals(PENDING, after.status());
        assertEquals(p.paymentIntent(), after.stripePaymentIntent());
        assertEquals("applied", outcomeOf(event("checkout.session.async_payment_failed",
                StripeEvents.session(p.sessionId(), p.paymentId(), p.paymentId(), "unpaid", p.paymentIntent(), null))));
        assertEquals(FAILED, seeder.find(p.paymentId()).status());
    }

    // --- finding the payment without our id in the object ---

    @Test
    void aSessionWithoutOurIdsIsFoundThroughItsSessionId() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(event("checkout.session.completed",
                StripeEvents.session(p.sessionId(), null, null, "paid", p.paymentIntent(), null))));
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
    }

    @Test
    void aChargeWithoutMetadataIsFoundThroughItsPaymentIntent() {
        Seeded p = seeder.checkout(COMPLETED);
        assertEquals("applied", outcomeOf(event("charge.refunded",
                StripeEvents.refundedCharge(p.charge(), p.paymentIntent(), null, AMOUNT, AMOUNT))));
        assertEquals(REFUNDED, seeder.find(p.paymentId()).status());
    }

    @Test
    void aForeignClientReferenceIdFallsBackToTheOtherLookups() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(event("checkout.session.completed",
                StripeEvents.session(p.sessionId(), "pay_not-a-real-id", p.paymentId(), "paid", p.paymentIntent(), null))));
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
    }

    // --- Payment Links ---

    @Test
    void aPaymentLinkSessionCompletesItsPaymentAndIsStoredOnIt() {
        Seeded link = seeder.paymentLink();
        // A link's session: no client_reference_id, the link's metadata, payment_link set.
        assertEquals("applied", outcomeOf(event("checkout.session.completed",
                StripeEvents.session(link.sessionId(), null, link.paymentId(), "paid", link.paymentIntent(), link.paymentLink()))));
        Payment after = seeder.find(link.paymentId());
        assertEquals(COMPLETED, after.status());
        assertEquals(link.sessionId(), after.stripeSessionId());
        assertEquals(link.paymentIntent(), after.stripePaymentIntent());
        assertEquals(link.paymentId(), payments.findByStripeSession(link.sessionId()).orElseThrow().paymentId());
    }

    @Test
    void aPaymentLinkSessionWithoutMetadataIsFoundThroughTheLink() {
        Seeded link = seeder.paymentLink();
        assertEquals("applied", outcomeOf(event("checkout.session.completed",
                StripeEvents.session(link.sessionId(), null, null, "paid", link.paymentIntent(), link.paymentLink()))));
        assertEquals(COMPLETED, seeder.find(link.paymentId()).status());
    }

    @Test
    void anAbandonedPaymentLinkSessionExpiringLeavesThePaymentPayable() {
        Seeded link = seeder.paymentLink();
        assertEquals("ignored", outcomeOf(event("checkout.session.expired",
                StripeEvents.session("cs_test_abandoned_" + link.paymentLink(), null, link.paymentId(), "unpaid", null,
                        link.paymentLink()))));
        assertEquals(PENDING, seeder.find(link.paymentId()).status());
        assertEquals("applied", outcomeOf(event("checkout.session.completed",
                StripeEvents.session(link.sessionId(), null, link.paymentId(), "paid", link.paymentIntent(), link.paymentLink()))));
        assertEquals(COMPLETED, seeder.find(link.paymentId()).status());
    }

    @Test
    void aDeclineOnAPaymentLinkIsRetryable() {
        Seeded link = seeder.paymentLink();
        assertEquals("applied", outcomeOf(declined(link)));
        assertEquals(FAILED, seeder.find(link.paymentId()).status());
        assertEquals("applied", outcomeOf(event("checkout.session.completed",
                StripeEvents.session(link.sessionId(), null, link.paymentId(), "paid", link.paymentIntent(), link.paymentLink()))));
        assertEquals(COMPLETED, seeder.find(link.paymentId()).status());
        assertTrue(seeder.find(link.paymentId()).failureReason() == null);
    }

    private HistoryEntry last(Seeded p) {
        List<HistoryEntry> history = seeder.history(p.paymentId());
        return history.get(history.size() - 1);
    }
}
