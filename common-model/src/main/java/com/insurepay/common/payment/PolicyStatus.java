package com.insurepay.common.payment;

import java.util.Locale;

/**
 * What a policy covers, derived from its payment's money every time it is read, so cover can never disagree with
 * the money: a full refund cancels it, an open dispute suspends it (a won dispute restores it, a lost one cancels it),
 * a partial refund keeps it active. Derived rather than stored, so no second write can be missed or reordered.
 */
public enum PolicyStatus {
    ACTIVE,
    SUSPENDED,
    CANCELLED;

    public static PolicyStatus of(Payment payment) {
        return switch (payment.status()) {
            case COMPLETED, PARTIALLY_REFUNDED -> ACTIVE;
            case DISPUTED -> switch (payment.disputeStatus() == null ? Payment.DISPUTE_OPEN : payment.disputeStatus()) {
                case Payment.DISPUTE_WON -> ACTIVE;
                case Payment.DISPUTE_LOST -> CANCELLED;
                default -> SUSPENDED;
            };
            default -> CANCELLED;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
