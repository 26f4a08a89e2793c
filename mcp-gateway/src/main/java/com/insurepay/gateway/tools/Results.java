package com.insurepay.gateway.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.insurepay.gateway.client.AnalyticsView;
import java.util.List;

/**
 * What the tools return: records become {@code structuredContent} with an {@code outputSchema}, and (compatibility
 * mode) the same JSON as text. Names follow the seeds' tool results (snake_case). Absent values are left out rather
 * than sent as null, so the output validates against the schema in strict clients.
 */
public final class Results {

    private Results() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PurchaseStarted(
            String paymentIntentId,
            String checkoutUrl,
            String sessionId,
            Long amount,
            String currency,
            String amountDisplay,
            String productName,
            String paymentStatus,
            String expiresAt,
            Boolean newCheckout,
            Widget widget,
            String nextStep) {
    }

    /** The seeds' widget state for chat UIs (OpenAI Apps SDK style): a checkout card. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Widget(String type, CheckoutWidgetData data) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckoutWidgetData(
            String paymentIntentId,
            String checkoutUrl,
            String productName,
            Long amount,
            String currency,
            String amountDisplay,
            String paymentStatus,
            String expiresAt,
            String buttonLabel) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentStatusResult(
            String paymentIntentId,
            String paymentStatus,
            String userId,
            String quoteId,
            Long amount,
            String currency,
            String amountDisplay,
            String productName,
            String kind,
            String checkoutUrl,
            String stripeSessionId,
            String stripePaymentIntent,
            String expiresAt,
            String failureReason,
            Long refundedAmount,
            Long refundableAmount,
            String policyId,
            String policyNumber,
            String policyStatus,
            String createdAt,
            String updatedAt,
            List<HistoryLine> history,
            String nextStep) {
    }

    /** A line of the payment's history as the assistant sees it: what happened, who did it, in which conversation. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryLine(String at, String from, String to, Boolean applied, String actor, String detail,
            String conversationId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicyIssued(
            String policyId,
            String policyNumber,
            String policyStatus,
            String paymentIntentId,
            String policyDocumentUrl,
            String issuedAt,
            Boolean confirmationEmailSent,
            Boolean newlyIssued,
            String nextStep) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentCancelled(
            String paymentIntentId,
            String paymentStatus,
            String quoteId,
            String message) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuoteSaved(
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
            Boolean newLink,
            String message) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentLinkSent(
            Boolean success,
            String quoteId,
            String emailSentTo,
            String sentAt,
            String paymentLinkUrl,
            String message) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentLinkResult(
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
            String sentTo,
            String nextStep) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefundResult(
            String refundId,
            String paymentIntentId,
            Long amount,
            String currency,
            String amountDisplay,
            String reason,
            String refundStatus,
            Long refundedAmount,
            Long refundableAmount,
            String paymentStatus,
            String requestId,
            String message) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentList(
            String userId,
            Integer count,
            List<PaymentSummary> payments,
            String nextCursor) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentSummary(
            String paymentIntentId,
            String quoteId,
            String productName,
            Long amount,
            String currency,
            String amountDisplay,
            String paymentStatus,
            String kind,
            Long refundedAmount,
            String policyNumber,
            String createdAt) {
    }

    /**
     * payment_analytics: the period's figures (a cohort of UTC days by the day each payment was started), a one-line
     * summary the assistant can repeat, and the per-day series for periods of up to {@code AnalyticsTools.MAX_DAYS_LISTED} days.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentAnalytics(
            String from,
            String to,
            String productName,
            String summary,
            AnalyticsView.Totals totals,
            AnalyticsView.Conversion conversion,
            AnalyticsView.TimeToPay timeToPay,
            List<AnalyticsView.Revenue> revenue,
            List<AnalyticsView.FailureReason> topFailureReasons,
            List<AnalyticsView.Day> days,
            String asOf,
            Long rollupBacklog,
            String note) {
    }
}
