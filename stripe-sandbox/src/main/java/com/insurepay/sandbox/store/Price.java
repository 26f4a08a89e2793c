package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.ParamEcho;
import com.insurepay.sandbox.support.Json;
import java.util.Map;

/**
 * A one-time price; inline {@code price_data} on a session creates one too, as on Stripe. {@code
 * echo}: other parameters Stripe keeps on it (ParamEcho).
 */
public record Price(
        String id,
        long created,
        long seq,
        String currency,
        long unitAmount,
        String productId,
        String nickname,
        Map<String, String> metadata,
        boolean active,
        ObjectNode echo)
        implements
            StripeObject {

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "price");
        n.put("active", active);
        n.put("billing_scheme", "per_unit");
        n.put("created", created);
        n.put("currency", currency);
        n.putNull("custom_unit_amount");
        n.put("livemode", false);
        n.putNull("lookup_key");
        n.set("metadata", Json.map(metadata));
        Json.putNullable(n, "nickname", nickname);
        n.put("product", productId);
        n.putNull("recurring");
        n.put("tax_behavior", "unspecified");
        n.putNull("tiers_mode");
        n.putNull("transform_quantity");
        n.put("type", "one_time");
        n.put("unit_amount", unitAmount);
        n.put("unit_amount_decimal", Long.toString(unitAmount));
        ParamEcho.applyTo(n, echo); // e.g. lookup_key, tax_behavior
        return n;
    }
}
