package com.insurepay.common.payment;

/**
 * Attributes written together with a status transition, in the same conditional write. Null means "leave as is".
 */
public record PaymentChanges(String failureReason, String stripePaymentIntent, Long refundedAmount,
        boolean clearFailureReason, boolean stampWebhookProcessed) {

    public static final PaymentChanges NONE = new PaymentChanges(null, null, null, false, false);

    public PaymentChanges withFailureReason(String reason) {
        return new PaymentChanges(reason, stripePaymentIntent, refundedAmount, false, stampWebhookProcessed);
    }

    public PaymentChanges withStripePaymentIntent(String pi) {
        return new PaymentChanges(failureReason, pi, refundedAmount, clearFailureReason, stampWebhookProcessed);
    }

    public PaymentChanges withRefundedAmount(long amount) {
        return new PaymentChanges(failureReason, stripePaymentIntent, amount, clearFailureReason, stampWebhookProcessed);
    }

    public PaymentChanges clearingFailureReason() {
        return new PaymentChanges(null, stripePaymentIntent, refundedAmount, true, stampWebhookProcessed);
    }

    public PaymentChanges stampingWebhookProcessed() {
        return new PaymentChanges(failureReason, stripePaymentIntent, refundedAmount, clearFailureReason, true);
    }
}
