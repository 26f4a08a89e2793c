package com.insurepay.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * checkout-service's PaymentView (docs/checkout-api.md). {@code created} is only present in the answer of
 * {@code POST /api/payments}; {@code history} is not read here (the gateway never shows it to a model).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentView(
        String paymentIntentId,
        String userId,
        String quoteId,
        Long amount,
        String currency,
        String amountDisplay,
        String productName,
        String customerEmail,
        String paymentStatus,
        String kind,
        String sessionId,
        String checkoutUrl,
        String expiresAt,
        String stripePaymentIntent,
        String paymentLinkId,
        String failureReason,
        Long refundedAmount,
        Long refundableAmount,
        String policyId,
        String policyNumber,
        String createdAt,
        String updatedAt,
        Boolean created) {
}
