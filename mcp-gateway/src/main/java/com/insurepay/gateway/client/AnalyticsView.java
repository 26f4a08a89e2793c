package com.insurepay.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/analytics}: a tenant's payment analytics of a period of UTC days (a cohort: each payment counts on the
 * day it was started). Amounts in minor units. The nested records are also what payment_analytics returns.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalyticsView(String tenant, String from, String to, String productName, Totals totals, Conversion conversion,
        TimeToPay timeToPay, List<Revenue> revenue, List<FailureReason> topFailureReasons, List<Day> days, String asOf,
        Long rollupBacklog) {

    /** Outcomes pending + completed + failed + expired + cancelled + paid_after_close add up to started. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Totals(Long started, Long startedBuyNow, Long startedPayLater, Long pending, Long completed,
            Long completedBuyNow, Long completedPayLater, Long failed, Long expired, Long cancelled, Long paidAfterClose,
            Long refunds, Long disputes) {
    }

    /** completed / started, 4 decimals; absent when nothing was started. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conversion(BigDecimal overall, BigDecimal buyNow, BigDecimal payLater) {
    }

    /** Percentiles are the upper bound of a histogram bucket ("≤ 5 min"). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeToPay(Long paidPayments, Long medianAtMostSeconds, String median, Long p90AtMostSeconds, String p90) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Revenue(String currency, Long gross, Long refunded, Long net, String grossDisplay, String refundedDisplay,
            String netDisplay) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FailureReason(String reason, Long count) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Day(String date, Long started, Long completed, BigDecimal conversion, Map<String, Long> gross) {
    }
}
