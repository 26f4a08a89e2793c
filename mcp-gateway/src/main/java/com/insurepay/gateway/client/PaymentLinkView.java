package com.insurepay.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentLinkView(
        String quoteId,
        String paymentLinkId,
        String paymentLinkUrl,
        String paymentIntentId,
        Long amount,
        String currency,
        String amountDisplay,
        String productName,
        String expiresAt,
        Boolean isActive,
        String paymentStatus,
        String sentAt,
        String sentTo) {
}
