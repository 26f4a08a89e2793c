package com.insurepay.common.money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount in minor units of an ISO 4217 currency, valid for a Stripe charge. Never floating point:
 * {@code Money.of(15000, "SGD")} is SGD 150.00 and {@code Money.of(5000, "JPY")} is JPY 5,000.
 */
public record Money(long amount, String currency) {

    /** Upper bound when the caller does not configure one: Stripe's own limit for a single charge (8 digits). */
    public static final long DEFAULT_MAXIMUM = 99_999_999L;

    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        if (currency == null || !ISO_CODE.matcher(CurrencyRules.normalize(currency)).matches()) {
            throw new MoneyException("currency", "currency must be a three-letter ISO 4217 code such as SGD, got " + quote(currency));
        }
        currency = CurrencyRules.normalize(currency);
    }

    /** Validates every rule with the default maximum. */
    public static Money of(long amount, String currency) {
        return of(amount, currency, DEFAULT_MAXIMUM);
    }

    /**
     * Validates: a supported currency, a positive integer amount, Stripe's minimum for the currency,
     * the configured maximum and, for three-decimal currencies, a last digit of 0.
     */
    public static Money of(long amount, String currency, long maximum) {
        Money money = new Money(amount, currency);
        String code = money.currency();
        long minimum = CurrencyRules.minimumMinorUnits(code);
        if (amount <= 0) {
            throw new MoneyException("amount", "amount must be a positive integer in minor units (e.g. 15000 = " + code + " "
                    + new Money(15000, code).formatNumber() + "), got " + amount);
        }
        if (amount < minimum) {
            throw new MoneyException("amount", "amount must be at least " + minimum + " minor units for " + code + " ("
                    + new Money(minimum, code).format() + "), got " + amount);
        }
        if (amount > maximum) {
            throw new MoneyException("amount", "amount must be at most " + maximum + " minor units for " + code + " ("
                    + new Money(maximum, code).format() + "), got " + amount);
        }
        if (CurrencyRules.THREE_DECIMAL.contains(code) && amount % 10 != 0) {
            throw new MoneyException("amount",
                    "amount in " + code + " must end in 0 (Stripe charges three-decimal currencies in multiples of 10), got " + amount);
        }
        return money;
    }

    public int decimals() {
        return CurrencyRules.decimals(currency);
    }

    public Money minus(long minorUnits) {
        return new Money(amount - minorUnits, currency);
    }

    /** "SGD 150.00", "JPY 5,000", "KWD 1.250". */
    public String format() {
        return currency + " " + formatNumber();
    }

    /** The amount alone in major units with grouping: "1,500.00". */
    public String formatNumber() {
        int decimals = decimals();
        BigDecimal major = BigDecimal.valueOf(amount, decimals);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(major);
    }

    /** The lower-case code Stripe's API uses. */
    public String stripeCurrency() {
        return currency.toLowerCase(Locale.ROOT);
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }

    @Override
    public String toString() {
        return format();
    }
}
