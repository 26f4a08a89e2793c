package com.insurepay.common.payment;

import java.util.Locale;

/**
 * Why a payment changed and who did it: the source, the actor (an MCP token's id and name, or {@code stripe},
 * {@code reconciliation}, {@code system}), the Stripe event behind it (if any) and a short human detail.
 * Recorded in the payment's history for every transition, applied or not; an API change also records the MCP
 * request id and the assistant's conversation id when the caller sent them.
 */
public record TransitionCause(Source source, String actor, String stripeEventId, String detail, String requestId,
        String conversationId) {

    public static final String STRIPE = "stripe";
    public static final String RECONCILIATION = "reconciliation";
    public static final String SYSTEM = "system";

    public enum Source {
        API,
        WEBHOOK,
        RECONCILIATION,
        SYSTEM;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A change asked for through checkout-service's API; {@code actor} is the caller when it is known. */
    public static TransitionCause api(String detail) {
        return new TransitionCause(Source.API, null, null, detail, null, null);
    }

    public TransitionCause by(String who) {
        return new TransitionCause(source, who, stripeEventId, detail, requestId, conversationId);
    }

    public static TransitionCause webhook(String stripeEventId, String detail) {
        return new TransitionCause(Source.WEBHOOK, STRIPE, stripeEventId, detail, null, null);
    }

    public static TransitionCause reconciliation(String detail) {
        return new TransitionCause(Source.RECONCILIATION, RECONCILIATION, null, detail, null, null);
    }

    public static TransitionCause system(String detail) {
        return new TransitionCause(Source.SYSTEM, SYSTEM, null, detail, null, null);
    }

    public TransitionCause withDetail(String newDetail) {
        return new TransitionCause(source, actor, stripeEventId, newDetail, requestId, conversationId);
    }

    /** The MCP request and the assistant's conversation behind an API change (each may be null). */
    public TransitionCause traced(String mcpRequestId, String conversation) {
        return new TransitionCause(source, actor, stripeEventId, detail, mcpRequestId, conversation);
    }
}
