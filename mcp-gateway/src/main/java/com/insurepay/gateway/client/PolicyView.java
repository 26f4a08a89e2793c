package com.insurepay.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyView(
        String policyId,
        String policyNumber,
        String paymentIntentId,
        String policyDocumentUrl,
        String issuedAt,
        String issuedBy,
        String policyStatus,
        String paymentStatus,
        Long refundedAmount,
        Boolean confirmationEmailSent) {
}
