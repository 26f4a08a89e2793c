package com.insurepay.common.payment;

import java.util.Locale;

/**
 * Why a payment changed: who did it, the Stripe event behind it (if any) and a short human detail.
 * Recorded in the payment's history for every transition, applied or not.
 */
public record TransitionCause(Source source, String stripeEventId, String detail) {

    public enum Source {
        API, WEBHOOK, RECONCILIATION, SYSTEM;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static TransitionCause api(String detail) {
        return new TransitionCause(Source.API, null, detail);
    }

    public static TransitionCause webhook(String stripeEventId, String eventType) {
        return new TransitionCause(Source.WEBHOOK, stripeEventId, eventType);
    }

    public static TransitionCause reconciliation(String detail) {
        return new TransitionCause(Source.RECONCILIATION, null, detail);
    }
}
