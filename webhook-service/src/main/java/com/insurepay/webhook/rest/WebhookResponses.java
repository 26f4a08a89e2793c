package com.insurepay.webhook.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The small JSON bodies of the endpoint. Serialized by Jackson through reflection, hence registered for native. */
public final class WebhookResponses {

    private WebhookResponses() {
    }

    /** 200: the delivery is stored (or was before). */
    @RegisterForReflection
    public record Received(boolean received, String eventId, String outcome) {
    }

    /** Every error: a fixed word, never a hint about which check failed or any internal detail. */
    @RegisterForReflection
    public record Failure(String error) {

        static final Failure BAD_REQUEST = new Failure("bad_request");
        static final Failure TOO_LARGE = new Failure("payload_too_large");
        static final Failure UNSUPPORTED_MEDIA_TYPE = new Failure("unsupported_media_type");
        static final Failure UNAVAILABLE = new Failure("temporarily_unavailable");
        static final Failure INTERNAL = new Failure("internal_error");
    }
}
