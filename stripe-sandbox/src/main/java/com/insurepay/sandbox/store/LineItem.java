package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.support.Json;

/** One line of a session or payment link: a price times a quantity. */
public record LineItem(String id, Price price, String productName, String description, long quantity) {

    public long amount() {
        return price.unitAmount() * quantity;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "item");
        n.put("amount_discount", 0);
        n.put("amount_subtotal", amount());
        n.put("amount_tax", 0);
        n.put("amount_total", amount());
        n.put("currency", price.currency());
        // Stripe: a line item's description defaults to the product name.
        n.put("description", productName);
        n.set("price", price.toJson());
        n.put("quantity", quantity);
        return n;
    }
}
