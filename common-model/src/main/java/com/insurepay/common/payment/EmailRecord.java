package com.insurepay.common.payment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * One customer e-mail sent, or attempted, about a payment: when, which one, whether the SMTP server took it, who
 * caused it and the MCP request behind it (if any). Deliberately without the address or the body: the address is on
 * the payment already, and the record must be safe to show an operator and to keep.
 */
public record EmailRecord(Instant at, Kind kind, Outcome outcome, String actor, String requestId) {

    public enum Kind {
        POLICY_CONFIRMATION,
        LATE_PAYMENT_REFUNDED,
        PAYMENT_LINK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Null for a kind this version does not know (written by a newer one). */
        public static Kind parse(String wire) {
            for (Kind k : values()) {
                if (k.wireName().equals(wire)) {
                    return k;
                }
            }
            return null;
        }
    }

    public enum Outcome {
        SENT,
        FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome parse(String wire) {
            return "sent".equals(wire) ? SENT : "failed".equals(wire) ? FAILED : null;
        }
    }

    public EmailRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        // Stored with millisecond precision: keep the in-memory value identical to what is read back.
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }
}
