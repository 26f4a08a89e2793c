package com.insurepay.common.payment;

/**
 * Attributes written together with a status transition, in the same conditional write. Null means "leave as is".
 * {@code refundedAmount} only ever rises: the write is conditioned on the stored amount being lower, so an older
 * refund total arriving late changes nothing.
 */
public record PaymentChanges(String failureReason, boolean clearFailureReason, String stripePaymentIntent,
        String stripeSessionId, Long refundedAmount, String disputeId, String disputeStatus, boolean stampWebhookProcessed,
        boolean moneyArrives) {

    public static final PaymentChanges NONE = new PaymentChanges(null, false, null, null, null, null, null, false, false);

    /**
     * What every "Stripe took the money" transition writes: the PaymentIntent, no failure reason. The money of a
     * payment arrives once: the write is conditioned on no money being recorded yet, so a second completion event
     * (or a late one after paid_after_close) changes nothing.
     */
    public static PaymentChanges paid(String paymentIntent) {
        return new PaymentChanges(null, true, paymentIntent, null, null, null, null, false, true);
    }

    public PaymentChanges withFailureReason(String reason) {
        return new PaymentChanges(reason, false, stripePaymentIntent, stripeSessionId, refundedAmount, disputeId,
                disputeStatus, stampWebhookProcessed, moneyArrives);
    }

    public PaymentChanges clearingFailureReason() {
        return new PaymentChanges(null, true, stripePaymentIntent, stripeSessionId, refundedAmount, disputeId, disputeStatus,
                stampWebhookProcessed, moneyArrives);
    }

    public PaymentChanges withStripePaymentIntent(String pi) {
        return new PaymentChanges(failureReason, clearFailureReason, pi, stripeSessionId, refundedAmount, disputeId,
                disputeStatus, stampWebhookProcessed, moneyArrives);
    }

    /** A Payment Link's session, learnt from its webhook: stored if the payment has none yet. */
    public PaymentChanges withStripeSession(String sessionId) {
        return new PaymentChanges(failureReason, clearFailureReason, stripePaymentIntent, sessionId, refundedAmount, disputeId,
                disputeStatus, stampWebhookProcessed, moneyArrives);
    }

    public PaymentChanges withRefundedAmount(long amount) {
        return new PaymentChanges(failureReason, clearFailureReason, stripePaymentIntent, stripeSessionId, amount, disputeId,
                disputeStatus, stampWebhookProcessed, moneyArrives);
    }

    public PaymentChanges withDispute(String id, String status) {
        return new PaymentChanges(failureReason, clearFailureReason, stripePaymentIntent, stripeSessionId, refundedAmount, id,
                status, stampWebhookProcessed, moneyArrives);
    }

    public PaymentChanges stampingWebhookProcessed() {
        return new PaymentChanges(failureReason, clearFailureReason, stripePaymentIntent, stripeSessionId, refundedAmount,
                disputeId, disputeStatus, true, moneyArrives);
    }
}
