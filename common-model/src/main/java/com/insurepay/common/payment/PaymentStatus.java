package com.insurepay.common.payment;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The life of one purchase attempt. The allowed transitions are the single source of truth for every
 * writer (checkout-service, webhook-service, reconciliation): a transition not listed here is never applied.
 */
public enum PaymentStatus {
    PENDING,
    /** A declined card. Still retryable while the Checkout Session is open, hence not final. */
    FAILED,
    COMPLETED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    DISPUTED,
    EXPIRED,
    CANCELLED;

    private Set<PaymentStatus> next;

    static {
        PENDING.next = EnumSet.of(COMPLETED, FAILED, EXPIRED, CANCELLED);
        FAILED.next = EnumSet.of(COMPLETED, FAILED, EXPIRED, CANCELLED);
        COMPLETED.next = EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED);
        PARTIALLY_REFUNDED.next = EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED);
        REFUNDED.next = EnumSet.noneOf(PaymentStatus.class);
        DISPUTED.next = EnumSet.noneOf(PaymentStatus.class);
        EXPIRED.next = EnumSet.noneOf(PaymentStatus.class);
        CANCELLED.next = EnumSet.noneOf(PaymentStatus.class);
        for (PaymentStatus s : values()) {
            s.next = Collections.unmodifiableSet(s.next);
        }
    }

    public boolean canBecome(PaymentStatus target) {
        return next.contains(target);
    }

    public Set<PaymentStatus> allowedNext() {
        return next;
    }

    public boolean isFinal() {
        return next.isEmpty();
    }

    /** The customer has paid (money was taken), whatever happened to it afterwards. */
    public boolean isPaid() {
        return this == COMPLETED || this == PARTIALLY_REFUNDED || this == REFUNDED || this == DISPUTED;
    }

    /** Still waiting for the customer: a checkout may be paid. */
    public boolean isOpen() {
        return this == PENDING || this == FAILED;
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
