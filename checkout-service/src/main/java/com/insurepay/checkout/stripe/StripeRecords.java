package com.insurepay.checkout.stripe;

import java.time.Instant;

/** What we keep of Stripe's objects: only the fields the purchase rules read. */
public final class StripeRecords {

    private StripeRecords() {
    }

    public record CheckoutSessionRef(String id, String url, Instant expiresAt) {
    }

    /** {@code status}: open|complete|expired; {@code paymentStatus}: paid|unpaid|no_payment_required. */
    public record SessionState(String id, String status, String paymentStatus, String paymentIntent, String clientReferenceId) {

        public boolean paid() {
            return "complete".equals(status) && ("paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus));
        }

        public boolean expired() {
            return "expired".equals(status);
        }
    }

    public record RefundResult(String id, long amount, String status, String charge) {
    }

    public record PaymentLinkRef(String id, String url, String priceId) {
    }

    public enum ExpireOutcome { EXPIRED, NOT_OPEN }
}
