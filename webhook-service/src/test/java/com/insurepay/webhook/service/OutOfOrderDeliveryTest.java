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
import com.insurepay.common.payment.PolicyStatus;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
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
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class OutOfOrderDeliveryTest {

    static final long AMOUNT = PaymentSeeder.AMOUNT;

    @Inject
    PaymentSeeder seeder;

    @Inject
    PaymentQueries queries;

    static String completed(Seeded p) {
        return event("checkout.session.completed", StripeEvents.session(p, "paid"));
    }

    static String expired(Seeded p) {
        JsonObject session = StripeEvents.session(p, "unpaid");
        session.add("payment_intent", null);
        return event("checkout.session.expired", session);
    }

    static String declined(Seeded p) {
        return event("payment_intent.payment_failed", StripeEvents.failedPaymentIntent(p, "Your card was declined."));
    }

    static String refunded(Seeded p, long cumulative) {
        return event("charge.refunded", StripeEvents.refundedCharge(p, cumulative));
    }

    static String disputed(Seeded p) {
        return event("charge.dispute.created", StripeEvents.dispute(p, "needs_response"));
    }

    static String disputeClosed(Seeded p, String stripeStatus) {
        return event("charge.dispute.closed", StripeEvents.dispute(p, stripeStatus));
    }

    static String event(String type, JsonObject object) {
        return StripeEvents.event(StripeEvents.newEventId(), type, object);
    }

    /**
     * A session checkout-service expired through the API (cancel_payment) is closed by checkout-service's own write
     * right after; the expiry event must not get there first and turn the cancel into "is expired". A session that
     * timed out (no request) still expires its payment.
     */
    @Test
    void anExpiryCheckoutServiceAskedForIsLeftToItsCloseATimeoutIsApplied() {
        Seeded closing = seeder.checkout(PENDING);
        JsonObject expiredByApi = StripeEvents.session(closing, "unpaid");
        expiredByApi.addProperty("status", "expired");
        assertEquals("ignored", outcomeOf(StripeEvents.eventOfApiRequest("checkout.session.expired", expiredByApi, "req_cancel1")));
        assertEquals(PENDING, seeder.find(closing.paymentId()).status());

        Seeded timedOut = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(expired(timedOut)));
        assertEquals(EXPIRED, seeder.find(timedOut.paymentId()).status());
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
        long version = seeder.find(p.paymentId()).version();
        assertEquals("applied", outcomeOf(refunded(p, AMOUNT)));
        Payment refunded = seeder.find(p.paymentId());
        assertEquals(version + 1, refunded.version(), "the implied completion and the refund are one write");
        assertEquals(p.paymentIntent(), refunded.stripePaymentIntent());
        assertEquals("stale", outcomeOf(completed(p)));
        Payment after = seeder.find(p.paymentId());
        assertEquals(REFUNDED, after.status());
        assertEquals(AMOUNT, after.refundedAmount());
        List<HistoryEntry> history = seeder.history(p.paymentId());
        // created, completed (implied by the refund), refunded, completed (late, not applied)
        assertEquals(List.of(PENDING, COMPLETED, REFUNDED, COMPLETED), history.stream().map(HistoryEntry::to).toList());
        assertEquals(List.of(true, true, true, false), history.stream().map(HistoryEntry::applied).toList());
        HistoryEntry implied = history.get(1);
        HistoryEntry refund = history.get(2);
        assertEquals(refund.stripeEventId(), implied.stripeEventId(), "both steps come from the refund event");
        assertEquals(refund.at(), implied.at());
        assertTrue(implied.detail().contains("implies completed"), implied.detail());
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

    // --- disputes: the cover follows the money ---

    @Test
    void aDisputeSuspendsTheCoverAndWinningItRestoresIt() {
        Seeded p = seeder.checkout(COMPLETED);
        assertEquals(PolicyStatus.ACTIVE, seeder.find(p.paymentId()).policyStatus());
        assertEquals("applied", outcomeOf(disputed(p)));
        Payment open = seeder.find(p.paymentId());
        assertEquals(DISPUTED, open.status());
        assertEquals(p.dispute(), open.disputeId());
        assertEquals(Payment.DISPUTE_OPEN, open.disputeStatus());
        assertEquals(PolicyStatus.SUSPENDED, open.policyStatus());
        assertEquals("applied", outcomeOf(disputeClosed(p, "won")));
        Payment won = seeder.find(p.paymentId());
        assertEquals(DISPUTED, won.status());
        assertEquals(Payment.DISPUTE_WON, won.disputeStatus());
        assertEquals(PolicyStatus.ACTIVE, won.policyStatus());
    }

    @Test
    void aLostDisputeCancelsTheCover() {
        Seeded p = seeder.checkout(COMPLETED);
        assertEquals("applied", outcomeOf(disputed(p)));
        assertEquals("applied", outcomeOf(disputeClosed(p, "lost")));
        Payment lost = seeder.find(p.paymentId());
        assertEquals(Payment.DISPUTE_LOST, lost.disputeStatus());
        assertEquals(PolicyStatus.CANCELLED, lost.policyStatus());
    }

    @Test
    void anInquiryClosedWithAWarningRestoresTheCover() {
        Seeded p = seeder.checkout(PARTIALLY_REFUNDED);
        assertEquals("applied", outcomeOf(disputed(p)));
        assertEquals("applied", outcomeOf(disputeClosed(p, "warning_closed")));
        assertEquals(PolicyStatus.ACTIVE, seeder.find(p.paymentId()).policyStatus());
    }

    @Test
    void aDisputeCreationArrivingAfterItsClosingChangesNothing() {
        Seeded p = seeder.checkout(COMPLETED);
        assertEquals("applied", outcomeOf(disputeClosed(p, "lost")));
        Payment closed = seeder.find(p.paymentId());
        assertEquals(DISPUTED, closed.status());
        assertEquals(Payment.DISPUTE_LOST, closed.disputeStatus());
        assertEquals(PolicyStatus.CANCELLED, closed.policyStatus());

        assertEquals("stale", outcomeOf(disputed(p)));
        Payment after = seeder.find(p.paymentId());
        assertEquals(Payment.DISPUTE_LOST, after.disputeStatus(), "the late creation does not reopen the dispute");
        assertEquals(PolicyStatus.CANCELLED, after.policyStatus());
        assertEquals(closed.version(), after.version());
        HistoryEntry last = last(p);
        assertEquals(DISPUTED, last.to());
        assertFalse(last.applied());
    }

    @Test
    void aDisputeBeforeTheCompletionSuspendsTheCoverOfTheImpliedPayment() {
        Seeded p = seeder.checkout(PENDING);
        seeder.attachPaymentIntent(p);
        assertEquals("applied", outcomeOf(disputed(p)));
        Payment after = seeder.find(p.paymentId());
        assertEquals(PolicyStatus.SUSPENDED, after.policyStatus());
        assertEquals(List.of(PENDING, COMPLETED, DISPUTED), seeder.history(p.paymentId()).stream().map(HistoryEntry::to).toList());
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
                StripeEvents.session(p, "paid"))));
        assertEquals("recorded", outcomeOf(event("checkout.session.completed", StripeEvents.session(p, "unpaid"))));
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
    }

    @Test
    void anUnpaidCompletionKeepsThePaymentPendingAndStoresItsPaymentIntent() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("recorded", outcomeOf(event("checkout.session.completed", StripeEvents.session(p, "unpaid"))));
        Payment after = seeder.find(p.paymentId());
        assertEquals(PENDING, after.status());
        assertEquals(p.paymentIntent(), after.stripePaymentIntent());
        assertEquals("applied", outcomeOf(event("checkout.session.async_payment_failed", StripeEvents.session(p, "unpaid"))));
        assertEquals(FAILED, seeder.find(p.paymentId()).status());
    }

    // --- finding the payment without our id in the object ---

    @Test
    void aSessionWithoutOurIdsIsFoundThroughItsSessionId() {
        Seeded p = seeder.checkout(PENDING);
        assertEquals("applied", outcomeOf(event("checkout.session.completed",
                StripeEvents.withoutOurIds(StripeEvents.session(p, "paid")))));
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
    }

    @Test
    void aChargeWithoutMetadataIsFoundThroughItsPaymentIntent() {
        Seeded p = seeder.checkout(COMPLETED);
        assertEquals("applied", outcomeOf(event("charge.refunded",
                StripeEvents.refundedCharge(p.charge(), p.paymentIntent(), null, AMOUNT, "sgd", AMOUNT))));
        assertEquals(REFUNDED, seeder.find(p.paymentId()).status());
    }

    @Test
    void aForeignClientReferenceIdFallsBackToTheOtherLookups() {
        Seeded p = seeder.checkout(PENDING);
        JsonObject session = StripeEvents.session(p, "paid");
        session.addProperty("client_reference_id", "pay_not-a-real-id");
        assertEquals("applied", outcomeOf(event("checkout.session.completed", session)));
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
    }

    // --- Payment Links ---

    @Test
    void aPaymentLinkSessionCompletesItsPaymentAndIsStoredOnIt() {
        Seeded link = seeder.paymentLink();
        // A link's session: no client_reference_id, the link's metadata, payment_link set.
        assertEquals("applied", outcomeOf(event("checkout.session.completed", StripeEvents.session(link, "paid"))));
        Payment after = seeder.find(link.paymentId());
        assertEquals(COMPLETED, after.status());
        assertEquals(link.sessionId(), after.stripeSessionId());
        assertEquals(link.paymentIntent(), after.stripePaymentIntent());
        assertEquals(link.paymentId(), queries.findByStripeSession(link.sessionId()).orElseThrow().paymentId());
    }

    @Test
    void aPaymentLinkSessionWithoutMetadataIsFoundThroughTheLink() {
        Seeded link = seeder.paymentLink();
        assertEquals("applied", outcomeOf(event("checkout.session.completed",
                StripeEvents.withoutOurIds(StripeEvents.session(link, "paid")))));
        assertEquals(COMPLETED, seeder.find(link.paymentId()).status());
    }

    @Test
    void anAbandonedPaymentLinkSessionExpiringLeavesThePaymentPayable() {
        Seeded link = seeder.paymentLink();
        JsonObject abandoned = StripeEvents.session(link, "unpaid");
        abandoned.addProperty("id", "cs_test_abandoned_" + link.paymentLink());
        abandoned.add("payment_intent", null);
        abandoned.addProperty("status", "expired");
        assertEquals("ignored", outcomeOf(event("checkout.session.expired", abandoned)));
        assertEquals(PENDING, seeder.find(link.paymentId()).status());
        assertEquals("applied", outcomeOf(event("checkout.session.completed", StripeEvents.session(link, "paid"))));
        assertEquals(COMPLETED, seeder.find(link.paymentId()).status());
    }

    @Test
    void aDeclineOnAPaymentLinkIsRetryable() {
        Seeded link = seeder.paymentLink();
        assertEquals("applied", outcomeOf(declined(link)));
        assertEquals(FAILED, seeder.find(link.paymentId()).status());
        assertEquals("applied", outcomeOf(event("checkout.session.completed", StripeEvents.session(link, "paid"))));
        assertEquals(COMPLETED, seeder.find(link.paymentId()).status());
        assertTrue(seeder.find(link.paymentId()).failureReason() == null);
    }

    private HistoryEntry last(Seeded p) {
        List<HistoryEntry> history = seeder.history(p.paymentId());
        return history.get(history.size() - 1);
    }
}
