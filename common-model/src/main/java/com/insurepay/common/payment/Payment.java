package com.insurepay.common.payment;

import com.insurepay.common.money.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The record of one purchase attempt. {@code paymentId} is ours ("pay_..."), never Stripe's. Amounts are minor
 * units. {@code version} increases with every write and guards every conditional update.
 */
public record Payment(
        String paymentId,
        String userId,
        String quoteId,
        long amount,
        String currency,
        String productName,
        String customerEmail,
        PaymentStatus status,
        PaymentKind kind,
        String stripeSessionId,
        String stripePaymentIntent,
        String checkoutUrl,
        Instant expiresAt,
        String paymentLinkId,
        String failureReason,
        long refundedAmount,
        String policyId,
        String policyNumber,
        Instant createdAt,
        Instant updatedAt,
        Instant webhookProcessedAt,
        long version) {

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        // Stored with millisecond precision: keep the in-memory value identical to what is read back.
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
        webhookProcessedAt = webhookProcessedAt == null ? null : webhookProcessedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new pending payment, before any Stripe object exists for it. */
    public static Payment newPending(String paymentId, String userId, String quoteId, Money money, String productName,
            String customerEmail, PaymentKind kind, Instant now) {
        return new Payment(paymentId, userId, quoteId, money.amount(), money.currency(), productName, customerEmail,
                PaymentStatus.PENDING, kind, null, null, null, null, null, null, 0L, null, null, now, now, null, 0L);
    }

    public Money money() {
        return new Money(amount, currency);
    }

    /** What can still be refunded, in minor units. */
    public long refundableAmount() {
        return status.isPaid() && status != PaymentStatus.DISPUTED ? amount - refundedAmount : 0L;
    }

    public boolean hasPolicy() {
        return policyId != null;
    }
}
