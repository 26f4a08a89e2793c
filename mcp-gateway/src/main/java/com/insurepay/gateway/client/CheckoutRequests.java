package com.insurepay.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Request bodies of checkout-service (docs/checkout-api.md); absent optional fields are left out. */
public final class CheckoutRequests {

    private CheckoutRequests() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreatePayment(String userId, String quoteId, String quoteToken, Long amount, String currency,
            String productName, String customerEmail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cancel(String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Refund(Long amount, String reason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavePaymentLink(String userId, String customerEmail, String quoteToken, String productName, Long amount,
            String currency, String policyId, String notes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SendPaymentLink(String customerEmail, String customerName) {
    }
}
