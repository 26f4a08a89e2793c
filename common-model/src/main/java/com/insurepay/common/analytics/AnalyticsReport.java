package com.insurepay.common.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A tenant's payment analytics for a period of UTC days, optionally for one product. A cohort view: every figure
 * belongs to the day its payment was STARTED (a payment started on Monday and paid on Tuesday counts as Monday's
 * completion), so conversion per day is exact and a day's figures settle as its payments do. Amounts are minor units.
 *
 * @param productName the product filter; null for all products
 * @param conversion completed / started (4 decimals)
 * @param revenue of completed payments (paid and kept), per currency; late money (paid_after_close) is not revenue
 * @param topFailureReasons the last decline reason of payments that ended unpaid, most frequent first (at most 5)
 * @param days one entry per day of the period, oldest first (zeros included), for charts
 * @param asOf when the figures were read
 * @param rollupBacklog payments of this tenant changed but not yet counted (normally 0 within seconds)
 */
public record AnalyticsReport(
        String tenant,
        LocalDate from,
        LocalDate to,
        String productName,
        Totals totals,
        Conversion conversion,
        TimeToPay timeToPay,
        List<Revenue> revenue,
        List<FailureReason> topFailureReasons,
        List<Day> days,
        Instant asOf,
        long rollupBacklog) {

    /**
     * Counts of payments started in the period. {@code pending + completed + failed + expired + cancelled +
     * paidAfterClose == started}; {@code completed} is paid and kept (completed, partially refunded, refunded or
     * disputed after completion); {@code failed} is still open with its last attempt declined; {@code refunds} and
     * {@code disputes} count completed payments with a refund, with a dispute.
     */
    public record Totals(long started, long startedBuyNow, long startedPayLater, long pending, long completed,
            long completedBuyNow, long completedPayLater, long failed, long expired, long cancelled, long paidAfterClose,
            long refunds, long disputes) {
    }

    /** completed / started as a ratio with 4 decimals (0.6667); null when nothing was started. */
    public record Conversion(BigDecimal overall, BigDecimal buyNow, BigDecimal payLater) {
    }

    /**
     * Start to payment of completed payments, from a histogram with fixed bounds: a percentile is the upper bound of
     * the bucket it falls in ({@code medianAtMostSeconds} 300, {@code median} "≤ 5 min"); null when nothing was paid
     * (and {@code …AtMostSeconds} null for "> 7 days").
     */
    public record TimeToPay(long paidPayments, Long medianAtMostSeconds, String median, Long p90AtMostSeconds, String p90,
            List<Bucket> histogram) {

        /** {@code atMostSeconds} null for the last, open bucket. */
        public record Bucket(String bucket, Long atMostSeconds, String display, long count) {
        }
    }

    /** Per currency, minor units and display strings ("SGD 150.00"): net = gross − refunded. */
    public record Revenue(String currency, long gross, long refunded, long net, String grossDisplay, String refundedDisplay,
            String netDisplay) {
    }

    /** A failure reason as stored in the aggregates (lower case, words joined by {@code _}). */
    public record FailureReason(String reason, long count) {
    }

    /** One day's cohort: started, completed, conversion (null when nothing started) and gross per currency. */
    public record Day(LocalDate date, long started, long completed, BigDecimal conversion, Map<String, Long> gross) {
    }
}
