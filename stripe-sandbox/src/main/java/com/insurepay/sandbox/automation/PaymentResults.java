package com.insurepay.sandbox.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.service.PaymentService.PaymentResult;
import com.insurepay.sandbox.support.Json;

/** The JSON answer of the pay hook: outcome, session, payment_intent, charge, error, redirect_url. */
final class PaymentResults {

    private PaymentResults() {
    }

    static ObjectNode toJson(PaymentResult result) {
        ObjectNode n = Json.object();
        n.put("outcome", result.outcome().value());
        n.set("session", result.session().toJson());
        n.set("payment_intent", result.paymentIntent() == null ? null : result.paymentIntent().toJson());
        n.set("charge", result.charge() == null ? null : result.charge().toJson());
        if (result.error() == null) {
            n.putNull("error");
        } else {
            ObjectNode e = n.putObject("error");
            e.put("type", result.error().type());
            e.put("code", result.error().code());
            Json.putNullable(e, "decline_code", result.error().declineCode());
            e.put("message", result.error().message());
        }
        Json.putNullable(n, "redirect_url", result.redirectUrl());
        return n;
    }
}
