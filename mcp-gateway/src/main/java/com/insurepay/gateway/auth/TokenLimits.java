package com.insurepay.gateway.auth;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much one token may do: refund ceilings per currency (minor units) per call and per day, and calls per minute
 * (a lower one for {@code send_payment_link}, which sends e-mail). A currency without a ceiling cannot be refunded
 * by the token at all: a human decides.
 */
public record TokenLimits(Map<String, Long> refundPerCall, Map<String, Long> refundPerDay, int callsPerMinute,
        int emailsPerMinute) {

    public static final int DEFAULT_CALLS_PER_MINUTE = 60;
    public static final int DEFAULT_EMAILS_PER_MINUTE = 5;
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z]{3})\\s*[:=]\\s*(\\d{1,12})");

    public TokenLimits {
        refundPerCall = Map.copyOf(refundPerCall);
        refundPerDay = Map.copyOf(refundPerDay);
        if (callsPerMinute < 1 || emailsPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 per minute");
        }
    }

    public long refundPerCall(String currency) {
        return refundPerCall.getOrDefault(currency.toUpperCase(Locale.ROOT), 0L);
    }

    public long refundPerDay(String currency) {
        return refundPerDay.getOrDefault(currency.toUpperCase(Locale.ROOT), 0L);
    }

    /** "SGD:50000,USD:40000" → {SGD=50000, USD=40000}; the amounts are minor units. */
    public static Map<String, Long> parseAmounts(String text) {
        Map<String, Long> amounts = new TreeMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = ENTRY.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "a refund limit looks like SGD:50000 (currency:minor units), got \"" + part.strip() + "\"");
            }
            amounts.put(m.group(1).toUpperCase(Locale.ROOT), Long.parseLong(m.group(2)));
        }
        return amounts;
    }

    public static String format(Map<String, Long> amounts) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(amounts).forEach((c, a) -> out.append(out.length() == 0 ? "" : ",").append(c).append(':').append(a));
        return out.length() == 0 ? "-" : out.toString();
    }
}
