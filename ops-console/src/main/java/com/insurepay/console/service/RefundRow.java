package com.insurepay.console.service;

import io.quarkus.qute.TemplateData;

/** A refund request under the payment. */
@TemplateData
public record RefundRow(String requestedAt, String amount, String state, String stripeStatus, String refundId, String reason,
        String actor, String requestId, String conversationId) {
}
