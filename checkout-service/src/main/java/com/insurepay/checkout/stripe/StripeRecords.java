package com.insurepay.checkout.stripe;

import com.insurepay.common.payment.StripeEvidence;
import java.time.Instant;

/** What we keep of Stripe's objects: only the fields the purchase rules read. */
public final class StripeRecords {

    private StripeRecords() {
    }

    public record CheckoutSessionRef(String id, String url, Instant expiresAt) {
    }

    /**
     * {@code status}: open|complete|expired; {@code paymentStatus}: paid|unpaid|no_payment_required. Amount and
     * currency are what the session charges: with its ids they are the evidence a payment is checked against.
     */
    public record SessionState(String id, String status, String paymentStatus, String paymentIntent, String paymentLink,
            Long amountTotal, String currency) {

        public boolean paid() {
            return "complete".equals(status) && ("paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus));
        }

        public boolean expired() {
            return "expired".equals(status);
        }

        public boolean open() {
            return "open".equals(status);
        }

        public StripeEvidence evidence() {
            return StripeEvidence.session(id, paymentLink, paymentIntent, amountTotal, currency);
        }
    }

    public record RefundResult(String id, long amount, String status, String charge) {
    }

    public record PaymentLinkRef(String id, String url, String priceId) {
    }

    public enum ExpireOutcome {
        EXPIRED,
        NOT_OPEN
    }
}
