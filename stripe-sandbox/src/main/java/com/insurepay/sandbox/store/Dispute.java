package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.support.Json;

public record Dispute(
        String id, long created, long seq, long amount, String currency, String chargeId, String paymentIntentId, String reason)
        implements
            StripeObject {

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "dispute");
        n.put("amount", amount);
        n.putArray("balance_transactions");
        n.put("charge", chargeId);
        n.put("created", created);
        n.put("currency", currency);
        n.set("evidence", Json.object());
        ObjectNode due = n.putObject("evidence_details");
        due.put("due_by", created + 7 * 24 * 3600);
        due.put("has_evidence", false);
        due.put("past_due", false);
        due.put("submission_count", 0);
        n.put("is_charge_refundable", false);
        n.put("livemode", false);
        n.set("metadata", Json.object());
        Json.putNullable(n, "payment_intent", paymentIntentId);
        n.put("reason", reason);
        n.put("status", "needs_response");
        return n;
    }
}
