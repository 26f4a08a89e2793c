package com.insurepay.console.service;

import com.insurepay.common.money.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times and money: always UTC, said explicitly; amounts in the currency's own decimals. */
public final class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Display() {
    }

    public static String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }

    /** Machine-readable, for {@code <time datetime>}. */
    public static String isoTime(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public static String money(long minorUnits, String currency) {
        try {
            return new Money(minorUnits, currency).format();
        } catch (RuntimeException unusualCurrency) {
            return currency + " " + minorUnits + " (minor units)";
        }
    }

    /** The amount alone, in major units with grouping ("1,500.00"): for chart axes titled with their currency. */
    public static String amount(long minorUnits, String currency) {
        try {
            return new Money(minorUnits, currency).formatNumber();
        } catch (RuntimeException unusualCurrency) {
            return Long.toString(minorUnits);
        }
    }

    /** "partially_refunded" → "partially refunded". */
    public static String words(String wireName) {
        return wireName == null ? "–" : wireName.replace('_', ' ');
    }

    public static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }
}
