package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.support.Json;
import java.util.Map;

public record Refund(
        String id,
        long created,
        long seq,
        long amount,
        String currency,
        String chargeId,
        String paymentIntentId,
        String reason,
        Map<String, String> metadata)
        implements
            StripeObject {

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "refund");
        n.put("amount", amount);
        n.put("balance_transaction", "txn_" + id.substring(3));
        n.put("charge", chargeId);
        n.put("created", created);
        n.put("currency", currency);
        ObjectNode dest = n.putObject("destination_details");
        dest.putObject("card").put("type", "refund");
        dest.put("type", "card");
        n.set("metadata", Json.map(metadata));
        Json.putNullable(n, "payment_intent", paymentIntentId);
        Json.putNullable(n, "reason", reason);
        n.putNull("receipt_number");
        n.putNull("source_transfer_reversal");
        n.put("status", "succeeded");
        n.putNull("transfer_reversal");
        return n;
    }
}
