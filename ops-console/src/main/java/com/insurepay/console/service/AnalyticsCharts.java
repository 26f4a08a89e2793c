package com.insurepay.console.service;

import com.insurepay.common.analytics.AnalyticsQueries;
import com.insurepay.common.analytics.AnalyticsReport;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Daily revenue and conversion of a tenant over a period of UTC days, from the analytics aggregates (one Query on
 * the tenant's day items; no payment is read). A day's figures belong to the day its payments were started.
 */
@jakarta.enterprise.context.ApplicationScoped
public class AnalyticsCharts {

    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 92;

    private final AnalyticsQueries analytics;
    private final Clock clock;

    public AnalyticsCharts(AnalyticsQueries analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    /** @throws InvalidCriteriaException for a bad period or currency */
    public AnalyticsView view(String tenant, String fromParam, String toParam, String currencyParam) {
        Criteria c = new Criteria(clock);
        LocalDate to = c.day("to", toParam);
        LocalDate from = c.day("from", fromParam);
        c.check();
        LocalDate end = to != null ? to : LocalDate.now(clock);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (start.isAfter(end)) {
            c.problem("from", "from (" + start + ") must not be after to (" + end + ")");
        } else if (days > MAX_DAYS) {
            c.problem("from", "at most " + MAX_DAYS + " days per chart, asked " + days);
        }
        c.check();
        AnalyticsReport report = analytics.report(tenant, start, end, Optional.empty());

        TreeSet<String> currencies = new TreeSet<>();
        report.days().forEach(d -> currencies.addAll(d.gross().keySet()));
        report.revenue().forEach(r -> currencies.add(r.currency()));
        String currency = Criteria.blankToNull(currencyParam);
        if (currency != null && !currencies.contains(currency)) {
            c.problem("currency", "no revenue in " + currency + " in this period; currencies: "
                    + (currencies.isEmpty() ? "none" : String.join(", ", currencies)));
            c.check();
        }
        if (currency == null) {
            // The currency with the most gross revenue in the period; SGD-like defaults mean nothing to another insurer.
            currency = report.revenue().stream().max(java.util.Comparator.comparingLong(AnalyticsReport.Revenue::gross))
                    .map(AnalyticsReport.Revenue::currency).orElse(currencies.isEmpty() ? null : currencies.first());
        }
        String chartCurrency = currency;

        List<SvgCharts.Bar> revenueBars = new ArrayList<>();
        List<SvgCharts.Bar> conversionBars = new ArrayList<>();
        List<AnalyticsView.DayRow> rows = new ArrayList<>();
        for (AnalyticsReport.Day d : report.days()) {
            String label = d.date().toString().substring(5);
            long gross = chartCurrency == null ? 0 : d.gross().getOrDefault(chartCurrency, 0L);
            String grossText = chartCurrency == null ? "–" : Display.money(gross, chartCurrency);
            revenueBars.add(new SvgCharts.Bar(label, gross, grossText));
            String conversion = percent(d.conversion());
            conversionBars.add(new SvgCharts.Bar(label, d.conversion() == null ? 0 : d.conversion().doubleValue(),
                    conversion + " (" + d.completed() + " of " + d.started() + ")"));
            rows.add(new AnalyticsView.DayRow(d.date().toString(), d.started(), d.completed(), conversion, grossText));
        }
        String period = start + " to " + end + " (UTC)";
        String revenueChart = SvgCharts.bars("revenue-chart", "Daily gross revenue" + (chartCurrency == null ? "" : " in " + chartCurrency),
                "Gross revenue of completed payments by the day they were started, " + period + ".", revenueBars, 0,
                v -> chartCurrency == null ? Long.toString(Math.round(v)) : Display.amount(Math.round(v), chartCurrency));
        String conversionChart = SvgCharts.bars("conversion-chart", "Daily conversion",
                "Completed payments as a share of payments started, by day started, " + period + ".", conversionBars, 1.0,
                v -> Math.round(v * 100) + "%");
        List<AnalyticsView.RevenueRow> revenue = report.revenue().stream()
                .map(r -> new AnalyticsView.RevenueRow(r.currency(), r.grossDisplay(), r.refundedDisplay(), r.netDisplay())).toList();
        return new AnalyticsView(start.toString(), end.toString(), (int) days, List.copyOf(currencies),
                chartCurrency == null ? "" : chartCurrency,
                revenueChart, conversionChart, rows, Long.toString(report.totals().started()), Long.toString(report.totals().completed()),
                percent(report.conversion().overall()), revenue, Display.time(report.asOf()), report.rollupBacklog());
    }

    static String percent(BigDecimal ratio) {
        return ratio == null ? "–"
                : ratio.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
