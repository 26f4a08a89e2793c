package com.insurepay.console.service;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * The analytics page: a period's figures from common-model's AnalyticsQueries, the two charts (SVG markup made by
 * {@link SvgCharts}, already escaped) and the same figures as a table.
 */
@TemplateData
public record AnalyticsView(String from, String to, int periodDays, List<String> currencies, String currency, String revenueChart,
        String conversionChart, List<DayRow> days, String started, String completed, String conversion, List<RevenueRow> revenue,
        String asOf, long rollupBacklog) {

    @TemplateData
    public record DayRow(String date, long started, long completed, String conversion, String gross) {
    }

    @TemplateData
    public record RevenueRow(String currency, String gross, String refunded, String net) {
    }
}
