package com.insurepay.common.payment;

import java.time.Instant;

/**
 * One line of a payment's audit trail. {@code applied=false} records an event that arrived but was not allowed
 * to change the payment (e.g. "expired" after "completed").
 */
public record HistoryEntry(
        String paymentId,
        Instant at,
        PaymentStatus from,
        PaymentStatus to,
        boolean applied,
        TransitionCause.Source source,
        String stripeEventId,
        String detail) {
}
