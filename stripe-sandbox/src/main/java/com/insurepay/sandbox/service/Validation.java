package com.insurepay.sandbox.service;

import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import com.insurepay.sandbox.support.Currencies;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/** Field checks shared by several endpoints, with Stripe's messages. */
final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Validation() {
    }

    static String url(String value, String param) {
        try {
            // Stripe keeps the {CHECKOUT_SESSION_ID} template literally; braces are not legal in a URI.
            URI uri = URI.create(value.replace("{CHECKOUT_SESSION_ID}", "x"));
            if (uri.getScheme() != null
                    && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // fall through to Stripe's error
        }
        throw StripeApiException.invalid("url_invalid", param, "Not a valid URL");
    }

    static String email(String value, String param) {
        if (!EMAIL.matcher(value).matches()) {
            throw StripeApiException.invalid("email_invalid", param, "Invalid email address: " + value);
        }
        return value;
    }

    static String maxLength(String value, int max, String param) {
        if (value.length() > max) {
            throw StripeApiException.invalid(
                    "string_length_exceeded", param, "This value must be " + max + " characters or fewer.");
        }
        return value;
    }

    static long atLeast(long value, long min, String param) {
        if (value < min) {
            throw StripeApiException.invalid(
                    "parameter_invalid_integer", param, "This value must be greater than or equal to " + min + ".");
        }
        return value;
    }

    /**
     * Refuses the first parameter sent that Stripe has (so it is not unknown) but the sandbox cannot
     * honour, saying why: a clear 400 beats an object that silently differs from Stripe's.
     */
    static void refuseUnsupported(StripeParams params, Map<String, String> unsupported) {
        unsupported.forEach(
                (pattern, why) -> params.sentKey(pattern).ifPresent(key -> {
                    throw unsupported(key, why);
                }));
    }

    static StripeApiException unsupported(String param, String why) {
        return StripeApiException.invalid(null, param, "stripe-sandbox does not support " + param + ": " + why + ".");
    }

    /** Automatic tax and manual capture, which sessions and links share: the sandbox does neither. */
    static void refuseTaxAndManualCapture(StripeParams params) {
        if (params.hash("automatic_tax").flatMap(t -> t.bool("enabled")).orElse(false)) {
            throw unsupported("automatic_tax[enabled]", "it computes no tax");
        }
        params.hash("payment_intent_data").flatMap(d -> d.string("capture_method")).filter(m -> m.equals("manual"))
                .ifPresent(m -> {
                    throw unsupported("payment_intent_data[capture_method]", "payments are captured at once");
                });
    }

    /** An explicit {@code currency} must be the line items' one. */
    static void sameCurrency(StripeParams params, String currency) {
        params.string("currency").map(c -> Currencies.normalize(c, "currency")).filter(c -> !c.equals(currency))
                .ifPresent(c -> {
                    throw StripeApiException.invalid(
                            null, "currency", "The currency " + c + " does not match the currency of the line items (" + currency + ").");
                });
    }
}
