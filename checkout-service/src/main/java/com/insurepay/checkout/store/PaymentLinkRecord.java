package com.insurepay.checkout.store;

import java.time.Instant;

/**
 * A tenant's quote's saved-for-later purchase (item {@code QUOTE#<tenant>#<quote_id> / PAYLINK}): what to sell, the current Stripe
 * Payment Link and the payment behind it. When a link expires a fresh one replaces it in the same item.
 */
public record PaymentLinkRecord(
        String tenant,
        String quoteId,
        String userId,
        String customerEmail,
        String productName,
        long amount,
        String currency,
        String policyId,
        String notes,
        String paymentId,
        String stripePaymentLinkId,
        String url,
        String priceId,
        Instant expiresAt,
        boolean active,
        Instant sentAt,
        String sentTo,
        Instant createdAt,
        long version) {

    public boolean liveAt(Instant now) {
        return active && expiresAt != null && now.isBefore(expiresAt);
    }

    public PaymentLinkRecord inactive() {
        return new PaymentLinkRecord(tenant, quoteId, userId, customerEmail, productName, amount, currency, policyId, notes, paymentId,
                stripePaymentLinkId, url, priceId, expiresAt, false, sentAt, sentTo, createdAt, version);
    }

    public PaymentLinkRecord withSent(String to, Instant at) {
        return new PaymentLinkRecord(tenant, quoteId, userId, customerEmail, productName, amount, currency, policyId, notes, paymentId,
                stripePaymentLinkId, url, priceId, expiresAt, active, at, to, createdAt, version);
    }
}
