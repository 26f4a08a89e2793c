package com.insurepay.common.analytics;

import com.insurepay.common.table.PaymentTable.Stats;
import java.time.Duration;

/**
 * Fixed bounds of the time-to-pay histogram (start of the payment to its money), so day items can be summed over any
 * period. A percentile read from it is the upper bound of its bucket ("≤ 5 min"), never an invented exact value.
 */
public enum TimeToPayBucket {
    S30("30s", Duration.ofSeconds(30), "≤ 30 s"),
    M1("1m", Duration.ofMinutes(1), "≤ 1 min"),
    M2("2m", Duration.ofMinutes(2), "≤ 2 min"),
    M5("5m", Duration.ofMinutes(5), "≤ 5 min"),
    M10("10m", Duration.ofMinutes(10), "≤ 10 min"),
    M30("30m", Duration.ofMinutes(30), "≤ 30 min"),
    H1("1h", Duration.ofHours(1), "≤ 1 h"),
    H6("6h", Duration.ofHours(6), "≤ 6 h"),
    D1("1d", Duration.ofDays(1), "≤ 1 day"),
    D7("7d", Duration.ofDays(7), "≤ 7 days"),
    MORE("more", null, "> 7 days");

    private final String label;
    private final Duration atMost;
    private final String display;

    TimeToPayBucket(String label, Duration atMost, String display) {
        this.label = label;
        this.atMost = atMost;
        this.display = display;
    }

    /** The bucket a payment that took {@code d} falls in (a negative duration, a clock skew, is the first). */
    public static TimeToPayBucket of(Duration d) {
        for (TimeToPayBucket b : values()) {
            if (b.atMost == null || d.compareTo(b.atMost) <= 0) {
                return b;
            }
        }
        return MORE;
    }

    public String label() {
        return label;
    }

    /** The upper bound in seconds; null for the last, open bucket. */
    public Long atMostSeconds() {
        return atMost == null ? null : atMost.toSeconds();
    }

    public String display() {
        return display;
    }

    /** The day item's attribute: {@code ttp_5m}. */
    public String attribute() {
        return Stats.TIME_TO_PAY_PREFIX + label;
    }
}
