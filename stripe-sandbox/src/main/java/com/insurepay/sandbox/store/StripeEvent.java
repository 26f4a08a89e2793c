package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.support.Json;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event with a snapshot of its object taken when it happened, like Stripe's: later changes to the
 * object do not change past events.
 */
public final class StripeEvent implements StripeObject {

    private final String id;
    private final long created;
    private final long seq;
    private final String type;
    private final String apiVersion;
    private final ObjectNode dataObject;
    private final ObjectNode previousAttributes;
    private final String requestId;
    private final String idempotencyKey;
    private final AtomicInteger pendingWebhooks = new AtomicInteger();

    public StripeEvent(
            String id, long created, long seq, String type, String apiVersion, ObjectNode dataObject,
            ObjectNode previousAttributes, String requestId, String idempotencyKey) {
        this.id = id;
        this.created = created;
        this.seq = seq;
        this.type = type;
        this.apiVersion = apiVersion;
        this.dataObject = dataObject;
        this.previousAttributes = previousAttributes;
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long created() {
        return created;
    }

    @Override
    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    public AtomicInteger pendingWebhooks() {
        return pendingWebhooks;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "event");
        n.put("api_version", apiVersion);
        n.put("created", created);
        ObjectNode data = n.putObject("data");
        data.set("object", dataObject.deepCopy());
        if (previousAttributes != null) {
            data.set("previous_attributes", previousAttributes.deepCopy());
        }
        n.put("livemode", false);
        n.put("pending_webhooks", pendingWebhooks.get());
        ObjectNode request = n.putObject("request");
        Json.putNullable(request, "id", requestId);
        Json.putNullable(request, "idempotency_key", idempotencyKey);
        n.put("type", type);
        return n;
    }
}
