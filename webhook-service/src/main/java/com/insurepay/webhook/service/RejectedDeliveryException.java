package com.insurepay.webhook.service;

import java.util.Locale;

/**
 * A delivery that is not (provably) from Stripe or not an event at all. Answered 400 with a body that gives no
 * hint which check failed; the reason only goes to logs and metrics.
 */
public class RejectedDeliveryException extends RuntimeException {

    public enum Reason {
        MISSING_SIGNATURE(true),
        MALFORMED_SIGNATURE(true),
        SIGNATURE_MISMATCH(true),
        TIMESTAMP_OUTSIDE_TOLERANCE(true),
        MALFORMED_EVENT(false);

        private final boolean signature;

        Reason(boolean signature) {
            this.signature = signature;
        }

        /** A failed signature check (as opposed to a verified but unusable body). */
        public boolean isSignatureFailure() {
            return signature;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public RejectedDeliveryException(Reason reason) {
        super(reason.tag(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
