package com.insurepay.common.store;

import java.time.Instant;

/**
 * The record of one verified Stripe event delivery, kept for {@code ttl}: what came (id, type, Stripe object) and
 * what was done with it ({@code outcome}: applied, ignored, stale, ...). Its existence is the de-duplication mark.
 */
public record ProcessedEvent(String eventId, String type, String stripeObjectId, String paymentId, String outcome,
        Instant receivedAt, Instant expiresAt) {
}
