package com.insurepay.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * checkout-service's PaymentView (docs/checkout-api.md). {@code created} is only present in the answer of
 * {@code POST /api/payments}; {@code history} only in the answer about one payment.
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
        String paidAt,
        String disputeStatus,
        String policyId,
        String policyNumber,
        String policyStatus,
        String createdAt,
        String updatedAt,
        List<HistoryView> history,
        Boolean created) {

    /** One line of the payment's audit trail: what changed or was refused, and who did it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryView(String at, String from, String to, Boolean applied, String source, String actor,
            String stripeEventId, String detail, String requestId, String conversationId) {
    }
}
