package com.insurepay.checkout.service;

import com.insurepay.common.money.Money;
import com.insurepay.common.money.MoneyException;
import java.util.regex.Pattern;

/**
 * Input rules, each failure a 400 naming the field in the caller's (snake_case) words. Ids are opaque to us but
 * bounded and printable, so they are safe in keys, logs and Stripe metadata (500 characters max there).
 */
public final class RequestRules {

    public static final int MAX_ID = 128;
    public static final int MAX_PRODUCT_NAME = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_TEXT = 500;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@\\-]+");
    // Pragmatic RFC 5322 subset: one @, a dotted domain, no spaces or angle brackets (no header injection).
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private RequestRules() {
    }

    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw CheckoutProblem.validation(field, field + " is required and must not be blank.");
        }
        String v = value.trim();
        if (v.length() > MAX_ID) {
            throw CheckoutProblem.validation(field, field + " must be at most " + MAX_ID + " characters.");
        }
        if (!ID.matcher(v).matches()) {
            throw CheckoutProblem.validation(field, field + " may contain only letters, digits and . _ : @ - characters.");
        }
        return v;
    }

    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw CheckoutProblem.validation(field, field + " is required and must not be blank.");
        }
        return optionalText(field, value, max);
    }

    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw CheckoutProblem.validation(field, field + " must be at most " + max + " characters.");
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw CheckoutProblem.validation(field, field + " must not contain control characters.");
        }
        return v;
    }

    public static String email(String field, String value) {
        if (value == null || value.isBlank()) {
            throw CheckoutProblem.validation(field, field + " is required.");
        }
        return optionalEmail(field, value);
    }

    public static String optionalEmail(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > MAX_EMAIL || !EMAIL.matcher(v).matches()) {
            throw CheckoutProblem.validation(field, field + " is not a valid e-mail address.");
        }
        return v;
    }

    public static Money money(Long amount, String currency, long maximum) {
        if (amount == null) {
            throw CheckoutProblem.validation("amount", "amount is required, as an integer in minor units (e.g. 15000 = SGD 150.00).");
        }
        try {
            return Money.of(amount, currency == null || currency.isBlank() ? "SGD" : currency, maximum);
        } catch (MoneyException e) {
            throw CheckoutProblem.validation(e.field(), e.getMessage() + ".");
        }
    }
}
