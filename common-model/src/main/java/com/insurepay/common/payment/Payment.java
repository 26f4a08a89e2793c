package com.insurepay.common.payment;

import com.insurepay.common.money.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The record of one purchase attempt. {@code paymentId} is ours ("pay_..."), never Stripe's. Amounts are minor
 * units. {@code version} increases with every write. {@code paidAt} is when Stripe's money was first recorded;
 * {@code disputeId}/{@code disputeStatus} ({@code open}, {@code won}, {@code lost}) follow the charge's dispute.
 */
public record Payment(
        String paymentId,
        String tenant,
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
        Instant paidAt,
        String disputeId,
        String disputeStatus,
        Instant createdAt,
        Instant updatedAt,
        Instant webhookProcessedAt,
        long version) {

    /** The tenant of payments made before tenants existed, and of single-insurer installations. */
    public static final String DEFAULT_TENANT = "default";
    public static final String DISPUTE_OPEN = "open";
    public static final String DISPUTE_WON = "won";
    public static final String DISPUTE_LOST = "lost";

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tenant = tenant == null ? DEFAULT_TENANT : tenant;
        // Stored with millisecond precision: keep the in-memory value identical to what is read back.
        createdAt = millis(createdAt);
        updatedAt = millis(updatedAt);
        expiresAt = millis(expiresAt);
        paidAt = millis(paidAt);
        webhookProcessedAt = millis(webhookProcessedAt);
    }

    /** A new pending payment, before any Stripe object exists for it. */
    public static Payment newPending(String paymentId, String tenant, String userId, String quoteId, Money money,
            String productName, String customerEmail, PaymentKind kind, Instant expiresAt, Instant now) {
        return new Payment(paymentId, tenant, userId, quoteId, money.amount(), money.currency(), productName, customerEmail,
                PaymentStatus.PENDING, kind, null, null, null, expiresAt, null, null, 0L, null, null, null, null, null, now,
                now, null, 0L);
    }

    public Money money() {
        return new Money(amount, currency);
    }

    /** What can still be refunded, in minor units. */
    public long refundableAmount() {
        return status.isRefundable() ? Math.max(0, amount - refundedAmount) : 0L;
    }

    public boolean hasPolicy() {
        return policyId != null;
    }

    /** The cover its policy gives, which follows the money (only meaningful once a policy exists). */
    public PolicyStatus policyStatus() {
        return PolicyStatus.of(this);
    }

    private static Instant millis(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
    }
}
