package com.insurepay.console.store;

import java.time.Instant;

/** One refund request item under a payment ({@code REFUND#<request key>}), as checkout-service's RefundLedger writes it. */
public record RefundRequest(String requestKey, long amount, String reason, String state, String refundId, String stripeStatus,
        Instant requestedAt, String actor, String requestId, String conversationId) {
}
