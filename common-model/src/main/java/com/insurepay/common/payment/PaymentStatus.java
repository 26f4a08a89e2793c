package com.insurepay.common.payment;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The life of one purchase attempt. The allowed transitions are the single source of truth for every
 * writer (checkout-service, webhook-service, reconciliation): a transition not listed here is never applied, and
 * every status set a rule needs ({@link #isOpen}, {@link #isPaid}, {@link #isRefundable}, {@link #sourcesOf}) is
 * defined here once.
 */
public enum PaymentStatus {
    PENDING,
    /** A declined card. Still retryable while the Checkout Session is open, hence not final. */
    FAILED,
    COMPLETED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    /**
     * A chargeback was opened; {@code dispute_status} follows it (open, won, lost), each change a disputed→disputed
     * transition, so a late completion or refund can never pull a disputed payment back.
     */
    DISPUTED,
    EXPIRED,
    CANCELLED,
    /**
     * Money arrived for a payment we had already closed (cancelled or expired): never kept silently.
     * checkout-service refunds it in full (or holds it for an operator); no policy is issued for it. A part refunded
     * keeps this status (paid_after_close → paid_after_close), so the rest is still given back.
     */
    PAID_AFTER_CLOSE;

    private Set<PaymentStatus> next;

    static {
        PENDING.next = EnumSet.of(COMPLETED, FAILED, EXPIRED, CANCELLED);
        FAILED.next = EnumSet.of(COMPLETED, FAILED, EXPIRED, CANCELLED);
        COMPLETED.next = EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED);
        PARTIALLY_REFUNDED.next = EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED);
        REFUNDED.next = EnumSet.noneOf(PaymentStatus.class);
        DISPUTED.next = EnumSet.of(DISPUTED);
        // A cancel closes the session at Stripe first, and Stripe's (or the reconciliation's) expiry can be recorded
        // before the cancel is: the customer's cancel still wins. Only cancel_payment targets cancelled, and it
        // refuses a payment that was not open when asked, so an old expired payment never becomes cancelled.
        EXPIRED.next = EnumSet.of(CANCELLED, PAID_AFTER_CLOSE);
        CANCELLED.next = EnumSet.of(PAID_AFTER_CLOSE);
        PAID_AFTER_CLOSE.next = EnumSet.of(PAID_AFTER_CLOSE, REFUNDED, DISPUTED);
        for (PaymentStatus s : values()) {
            s.next = Collections.unmodifiableSet(s.next);
        }
    }

    public boolean canBecome(PaymentStatus target) {
        return next.contains(target);
    }

    /** Every status that may become {@code target}: the condition of a write that moves a payment to it. */
    public static Set<PaymentStatus> sourcesOf(PaymentStatus target) {
        EnumSet<PaymentStatus> sources = EnumSet.noneOf(PaymentStatus.class);
        for (PaymentStatus s : values()) {
            if (s.canBecome(target)) {
                sources.add(s);
            }
        }
        return sources;
    }

    /** Nothing can happen to it any more, not even late money. */
    public boolean isFinal() {
        return next.isEmpty();
    }

    /** The customer has paid (money was taken), whatever happened to it afterwards. */
    public boolean isPaid() {
        return this == COMPLETED || this == PARTIALLY_REFUNDED || this == REFUNDED || this == DISPUTED
                || this == PAID_AFTER_CLOSE;
    }

    /** Still waiting for the customer: a checkout may be paid. */
    public boolean isOpen() {
        return this == PENDING || this == FAILED;
    }

    /** We closed it unpaid: money arriving now is {@link #PAID_AFTER_CLOSE}. */
    public boolean isClosedUnpaid() {
        return this == EXPIRED || this == CANCELLED;
    }

    /** Money we hold that may be given back (a refund request may be made). */
    public boolean isRefundable() {
        return this == COMPLETED || this == PARTIALLY_REFUNDED || this == PAID_AFTER_CLOSE;
    }

    /** Paid and kept: a policy may be issued (a partial refund keeps the cover; late money never gets one). */
    public boolean canIssuePolicy() {
        return this == COMPLETED || this == PARTIALLY_REFUNDED;
    }

    /** The name stored in DynamoDB and shown in JSON: lower snake case, as in the seeds. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentStatus> fromWireName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static PaymentStatus parse(String value) {
        return fromWireName(value).orElseThrow(() -> new IllegalArgumentException("unknown payment status: " + value));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
