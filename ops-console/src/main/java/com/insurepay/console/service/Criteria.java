package com.insurepay.console.service;

import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.InvalidCursorException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Parsing of what an operator typed: ids, a status, a UTC day; each problem named by its field. */
final class Criteria {

    /** Our ids, Stripe's and the insurer's quote/user ids: letters, digits and a few separators. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:@+-]{1,128}");
    /** How far back a day may be asked: the delivery log keeps 30 days, payments stay; ten years is plenty. */
    static final int MAX_YEARS_BACK = 10;

    private final Map<String, String> problems = new LinkedHashMap<>();
    private final Clock clock;

    Criteria(Clock clock) {
        this.clock = clock;
    }

    String id(String field, String value) {
        String v = blankToNull(value);
        if (v != null && !ID.matcher(v).matches()) {
            problems.put(field, field.replace('_', ' ') + " must be 1–128 letters, digits or . _ : @ + -");
            return null;
        }
        return v;
    }

    PaymentStatus status(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        return PaymentStatus.fromWireName(v).orElseGet(() -> {
            problems.put("status", "status must be one of the payment statuses, got \"" + abbreviate(v) + "\"");
            return null;
        });
    }

    /** A UTC day, yyyy-mm-dd, not after tomorrow (UTC) and not more than ten years back; null when blank. */
    LocalDate day(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(v);
            LocalDate today = LocalDate.now(clock);
            if (day.isAfter(today.plusDays(1)) || day.isBefore(today.minusYears(MAX_YEARS_BACK))) {
                problems.put(field, "date must be between " + today.minusYears(MAX_YEARS_BACK) + " and " + today.plusDays(1));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.put(field, "date must be a day written yyyy-mm-dd (UTC), got \"" + abbreviate(v) + "\"");
            return null;
        }
    }

    String cursor(String value) {
        String v = blankToNull(value);
        if (v != null && (v.length() > 2048 || !v.matches("[A-Za-z0-9_-]+"))) {
            problems.put("cursor", "this page link is not valid any more: start the search again");
            return null;
        }
        return v;
    }

    void problem(String field, String sentence) {
        problems.put(field, sentence);
    }

    /** @throws InvalidCriteriaException when anything was wrong */
    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidCriteriaException(problems);
        }
    }

    /**
     * What a failed page read means: a cursor that is not ours, or one of another search (DynamoDB refuses a start
     * key of another index with a 400), is the operator's bad link; anything else is ours and is thrown on.
     */
    static RuntimeException pageReadFailure(RuntimeException e, String cursor) {
        if (e instanceof InvalidCursorException
                || (e instanceof DynamoDbException dynamo && cursor != null && dynamo.statusCode() == 400)) {
            return new InvalidCriteriaException(Map.of("cursor", "this page link is not valid any more: start again"));
        }
        return e;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
