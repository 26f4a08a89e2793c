package com.insurepay.common.payment;

import java.time.Instant;

/**
 * One line of a payment's audit trail. {@code applied=false} records something that arrived but was not allowed
 * to change the payment (e.g. "expired" after "completed", or a Stripe object whose ids or money are not this
 * payment's: then {@code detail} names the mismatch).
 */
public record HistoryEntry(
        Instant at,
        PaymentStatus from,
        PaymentStatus to,
        boolean applied,
        TransitionCause.Source source,
        String actor,
        String stripeEventId,
        String detail,
        String requestId,
        String conversationId) {

    public static HistoryEntry of(Instant at, PaymentStatus from, PaymentStatus to, boolean applied, TransitionCause cause) {
        return new HistoryEntry(at, from, to, applied, cause.source(), cause.actor(), cause.stripeEventId(), cause.detail(),
                cause.requestId(), cause.conversationId());
    }
}
