package com.insurepay.common.store;

import java.time.Instant;

/**
 * What came from Stripe in one verified webhook delivery and what was done with it ({@code outcome}: applied,
 * stale, mismatch, ignored, recorded), kept until {@code expiresAt}. A log for operators: de-duplication lives on
 * the payment item.
 */
public record DeliveryRecord(String eventId, String type, String stripeObjectId, String paymentId, String outcome,
        Instant receivedAt, Instant expiresAt) {
}
