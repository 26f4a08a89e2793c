package com.insurepay.sandbox.support;

import com.insurepay.sandbox.api.StripeApiException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Stripe's currency rules: lower-case ISO codes, zero- and three-decimal currencies, minimums. */
public final class Currencies {

    public static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx",
            "vnd", "vuv", "xaf", "xof", "xpf");
    public static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    /** Stripe's minimum charge amounts in minor units for common currencies ("$0.50 US or equivalent"). */
    private static final Map<String, Long> MINIMUM_CHARGE = Map.ofEntries(
            Map.entry("usd", 50L), Map.entry("sgd", 50L), Map.entry("eur", 50L), Map.entry("aud", 50L),
            Map.entry("cad", 50L), Map.entry("nzd", 50L), Map.entry("chf", 50L), Map.entry("gbp", 30L),
            Map.entry("hkd", 400L), Map.entry("jpy", 50L), Map.entry("myr", 200L), Map.entry("inr", 50L),
            Map.entry("dkk", 250L), Map.entry("nok", 300L), Map.entry("sek", 300L), Map.entry("mxn", 1000L),
            Map.entry("thb", 1000L), Map.entry("aed", 200L), Map.entry("pln", 200L));

    private static final Set<String> KNOWN = Currency.getAvailableCurrencies().stream()
            .map(c -> c.getCurrencyCode().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private Currencies() {
    }

    /** Lower-cases and checks a currency code like Stripe does. */
    public static String normalize(String raw, String param) {
        String code = raw.trim().toLowerCase(Locale.ROOT);
        if (code.length() != 3 || !KNOWN.contains(code)) {
            throw StripeApiException.invalid(
                    null, param, "Invalid currency: " + raw + ". Stripe currently supports these currencies: usd, sgd, eur, gbp, jpy, ...");
        }
        return code;
    }

    public static int decimals(String currency) {
        if (ZERO_DECIMAL.contains(currency)) {
            return 0;
        }
        return THREE_DECIMAL.contains(currency) ? 3 : 2;
    }

    /** Unit amounts: non-negative integers; three-decimal currencies must end in 0 (Stripe's rule). */
    public static void checkUnitAmount(long amount, String currency, String param) {
        if (amount < 0) {
            throw StripeApiException.invalid(
                    "parameter_invalid_integer", param, "This value must be greater than or equal to 0.");
        }
        if (amount > 99_999_999L) {
            throw StripeApiException.invalid(
                    "parameter_invalid_integer", param, "This value must be less than or equal to 99999999.");
        }
        if (THREE_DECIMAL.contains(currency) && amount % 10 != 0) {
            throw StripeApiException.invalid(
                    null, param,
                    "Amounts in " + currency.toUpperCase(Locale.ROOT) + " must be a multiple of 10 (the last decimal must be 0).");
        }
    }

    public static long minimumCharge(String currency) {
        return MINIMUM_CHARGE.getOrDefault(currency, 1L);
    }

    /** "SGD 120.00", "JPY 5,000", "KWD 1.230": the code and the amount with the currency's decimals. */
    public static String format(long minorUnits, String currency) {
        int decimals = decimals(currency);
        StringBuilder pattern = new StringBuilder("#,##0");
        if (decimals > 0) {
            pattern.append('.').append("0".repeat(decimals));
        }
        DecimalFormat format = new DecimalFormat(pattern.toString(), DecimalFormatSymbols.getInstance(Locale.US));
        return currency.toUpperCase(Locale.ROOT) + " " + format.format(java.math.BigDecimal.valueOf(minorUnits, decimals));
    }
}
