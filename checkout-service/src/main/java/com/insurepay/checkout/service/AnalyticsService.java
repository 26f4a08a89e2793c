package com.insurepay.checkout.service;

import com.insurepay.common.analytics.AnalyticsQueries;
import com.insurepay.common.analytics.AnalyticsReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A tenant's payment analytics for a period of UTC days (a cohort: payments count on the day they were started).
 * Without dates: the last {@value #DEFAULT_DAYS} days including today; with only {@code to}: the
 * {@value #DEFAULT_DAYS} days up to it; with only {@code from}: from it to today. Every problem with the period is a
 * 400 naming the field.
 */
@ApplicationScoped
public class AnalyticsService {

    public static final int DEFAULT_DAYS = 7;

    private final AnalyticsQueries queries;
    private final Clock clock;

    public AnalyticsService(AnalyticsQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public AnalyticsReport report(String tenant, String fromText, String toText, String productName) {
        Optional<LocalDate> from = date("from", fromText);
        Optional<LocalDate> to = date("to", toText);
        LocalDate end = to.orElseGet(() -> LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        LocalDate start = from.orElseGet(() -> end.minusDays(DEFAULT_DAYS - 1));
        AnalyticsQueries.checkPeriod(start, end).ifPresent(problem -> {
            throw CheckoutProblem.validation("from", capitalised(problem) + ".");
        });
        String product = RequestRules.optionalText("product_name", productName, RequestRules.MAX_PRODUCT_NAME);
        return queries.report(tenant, start, end, Optional.ofNullable(product));
    }

    private static Optional<LocalDate> date(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw CheckoutProblem.validation(field, field + " must be a date as YYYY-MM-DD (UTC), e.g. 2026-12-01.");
        }
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
