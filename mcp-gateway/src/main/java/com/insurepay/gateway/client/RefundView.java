package com.insurepay.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RefundView(
        String refundId,
        String paymentIntentId,
        Long amount,
        String currency,
        String amountDisplay,
        String reason,
        String refundStatus,
        Long refundedAmount,
        Long refundableAmount,
        String paymentStatus) {
}
