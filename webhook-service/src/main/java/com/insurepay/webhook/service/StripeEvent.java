package com.insurepay.webhook.service;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.insurepay.webhook.service.RejectedDeliveryException.Reason;

/**
 * The fields we use from a verified event, read from the raw JSON. stripe-java's typed data object is empty when
 * the event's {@code api_version} differs from the SDK's pin (accounts pinned to older versions) and throws when it
 * is null, so it is never relied on; the few fields read here have been stable across API versions.
 */
public record StripeEvent(String id, String type, String apiVersion, String requestId, JsonObject object) {

    public static StripeEvent parse(String payload) {
        try {
            JsonObject root = JsonParser.parseString(payload).getAsJsonObject();
            String id = text(root, "id");
            String type = text(root, "type");
            if (id == null || type == null) {
                throw new RejectedDeliveryException(Reason.MALFORMED_EVENT);
            }
            JsonObject data = child(root, "data");
            JsonObject object = data == null ? null : child(data, "object");
            JsonObject request = child(root, "request");
            return new StripeEvent(id, type, text(root, "api_version"), request == null ? null : text(request, "id"),
                    object == null ? new JsonObject() : object);
        } catch (RuntimeException e) {
            if (e instanceof RejectedDeliveryException r) {
                throw r;
            }
            throw new RejectedDeliveryException(Reason.MALFORMED_EVENT);
        }
    }

    /**
     * Whether an API request caused the event ({@code request.id}, e.g. {@code POST /v1/checkout/sessions/{id}/expire});
     * Stripe's own doings (a session timing out) carry none.
     */
    public boolean causedByApiRequest() {
        return requestId != null && !requestId.isBlank();
    }

    /** The Stripe object the event is about ({@code cs_...}, {@code pi_...}, {@code ch_...}, {@code dp_...}). */
    public String objectId() {
        return text(object, "id");
    }

    /** {@code checkout.session}, {@code payment_intent}, {@code charge}, {@code dispute}, ... */
    public String objectType() {
        return text(object, "object");
    }

    public String field(String name) {
        return text(object, name);
    }

    public String metadata(String key) {
        JsonObject metadata = child(object, "metadata");
        return metadata == null ? null : text(metadata, key);
    }

    /** A reference to another object: its id, whether the field is an id or an expanded object. */
    public String reference(String name) {
        JsonElement e = object.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            return text(e.getAsJsonObject(), "id");
        }
        return e.isJsonPrimitive() ? e.getAsString() : null;
    }

    /** An integer field (amounts are minor units), or null when absent or not a number. */
    public Long number(String name) {
        JsonElement e = object.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsLong() : null;
    }

    public boolean flag(String name) {
        JsonElement e = object.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    /** A string inside a nested object, e.g. {@code last_payment_error.message}. */
    public String nested(String objectName, String name) {
        JsonObject child = child(object, objectName);
        return child == null ? null : text(child, name);
    }

    private static JsonObject child(JsonObject parent, String name) {
        JsonElement e = parent.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String text(JsonObject parent, String name) {
        JsonElement e = parent.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
