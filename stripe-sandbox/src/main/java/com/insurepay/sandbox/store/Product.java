package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.ParamEcho;
import com.insurepay.sandbox.support.Json;
import java.util.Map;

/** A product; {@code echo}: other parameters Stripe keeps on it (ParamEcho), e.g. images, unit_label. */
public record Product(
        String id, long created, long seq, String name, String description, Map<String, String> metadata, ObjectNode echo)
        implements
            StripeObject {

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "product");
        n.put("active", true);
        n.put("created", created);
        n.putNull("default_price");
        Json.putNullable(n, "description", description);
        n.putArray("images");
        n.put("livemode", false);
        n.putArray("marketing_features");
        n.set("metadata", Json.map(metadata));
        n.put("name", name);
        n.putNull("package_dimensions");
        n.putNull("shippable");
        n.putNull("statement_descriptor");
        n.putNull("tax_code");
        n.put("type", "service");
        n.putNull("unit_label");
        n.put("updated", created);
        n.putNull("url");
        ParamEcho.applyTo(n, echo);
        return n;
    }
}
