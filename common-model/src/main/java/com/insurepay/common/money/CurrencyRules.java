package com.insurepay.common.money;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's per-currency facts: how many decimals a currency has in Stripe's API, and the minimum charge.
 * Minimums follow Stripe's published table ("$0.50 US or equivalent"); currencies not listed there are not
 * accepted, so a payment can never be created that Stripe would refuse for its amount.
 */
public final class CurrencyRules {

    /** Amounts are whole units: 5000 JPY is sent to Stripe as 5000. */
    public static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");

    /** Three decimals in Stripe's API; Stripe requires the last digit to be 0. */
    public static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    /** Stripe's minimum charge amount per settlement currency, in minor units. */
    private static final Map<String, Long> MINIMUM = Map.ofEntries(
            Map.entry("USD", 50L), Map.entry("AED", 200L), Map.entry("AUD", 50L), Map.entry("BGN", 100L),
            Map.entry("BRL", 50L), Map.entry("CAD", 50L), Map.entry("CHF", 50L), Map.entry("CZK", 1500L),
            Map.entry("DKK", 250L), Map.entry("EUR", 50L), Map.entry("GBP", 30L), Map.entry("HKD", 400L),
            Map.entry("HUF", 17500L), Map.entry("INR", 50L), Map.entry("JPY", 50L), Map.entry("MXN", 1000L),
            Map.entry("MYR", 200L), Map.entry("NOK", 300L), Map.entry("NZD", 50L), Map.entry("PLN", 200L),
            Map.entry("RON", 200L), Map.entry("SEK", 300L), Map.entry("SGD", 50L), Map.entry("THB", 1000L),
            Map.entry("KRW", 700L), Map.entry("IDR", 1000000L), Map.entry("PHP", 2500L), Map.entry("CNY", 400L),
            Map.entry("KWD", 200L), Map.entry("BHD", 200L), Map.entry("JOD", 400L), Map.entry("OMR", 200L),
            Map.entry("VND", 15000L));

    private CurrencyRules() {
    }

    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    public static Set<String> supported() {
        return MINIMUM.keySet();
    }

    public static int decimals(String code) {
        String c = normalize(code);
        if (ZERO_DECIMAL.contains(c)) {
            return 0;
        }
        return THREE_DECIMAL.contains(c) ? 3 : 2;
    }

    public static long minimumMinorUnits(String code) {
        Long min = MINIMUM.get(normalize(code));
        if (min == null) {
            throw new MoneyException("currency",
                    "currency " + code + " is not supported; use one of " + String.join(", ", new java.util.TreeSet<>(MINIMUM.keySet())));
        }
        return min;
    }
}
