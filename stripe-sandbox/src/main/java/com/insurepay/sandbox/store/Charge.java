package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.support.Json;
import java.util.Map;

/** A card charge, succeeded or failed. Refunds and disputes change it; it never loses money twice. */
public final class Charge implements StripeObject {

    /** The card as Stripe describes it in {@code payment_method_details.card}. */
    public record Card(String brand, String last4, int expMonth, int expYear, String funding) {
    }

    private final String id;
    private final long created;
    private final long seq;
    private final long amount;
    private final String currency;
    private final String paymentIntentId;
    private final String paymentMethodId;
    private final Map<String, String> metadata;
    private final String description;
    private final String billingEmail;
    private final String billingName;
    private final Card card;
    private final String failureCode;
    private final String failureMessage;
    private final String declineCode;
    private long amountRefunded;
    private boolean disputed;

    public Charge(
            String id, long created, long seq, long amount, String currency, String paymentIntentId,
            String paymentMethodId, Map<String, String> metadata, String description, String billingEmail,
            String billingName, Card card, String failureCode, String failureMessage, String declineCode) {
        this.id = id;
        this.created = created;
        this.seq = seq;
        this.amount = amount;
        this.currency = currency;
        this.paymentIntentId = paymentIntentId;
        this.paymentMethodId = paymentMethodId;
        this.metadata = metadata;
        this.description = description;
        this.billingEmail = billingEmail;
        this.billingName = billingName;
        this.card = card;
        this.failureCode = failureCode;
        this.failureMessage = failureMessage;
        this.declineCode = declineCode;
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

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String paymentIntentId() {
        return paymentIntentId;
    }

    public boolean succeeded() {
        return failureCode == null;
    }

    public long amountRefunded() {
        return amountRefunded;
    }

    public long refundable() {
        return amount - amountRefunded;
    }

    public boolean disputed() {
        return disputed;
    }

    public void recordRefund(long refundAmount) {
        if (refundAmount <= 0 || refundAmount > refundable()) {
            throw new IllegalArgumentException("refund of " + refundAmount + " exceeds what remains on " + id);
        }
        amountRefunded += refundAmount;
    }

    public void markDisputed() {
        disputed = true;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "charge");
        n.put("amount", amount);
        n.put("amount_captured", succeeded() ? amount : 0);
        n.put("amount_refunded", amountRefunded);
        n.putNull("application");
        n.putNull("application_fee");
        n.putNull("application_fee_amount");
        Json.putNullable(n, "balance_transaction", succeeded() ? "txn_" + id.substring(3) : null);
        ObjectNode billing = n.putObject("billing_details");
        billing.putNull("address");
        Json.putNullable(billing, "email", billingEmail);
        Json.putNullable(billing, "name", billingName);
        billing.putNull("phone");
        n.put("calculated_statement_descriptor", "INSUREPAY");
        n.put("captured", succeeded());
        n.put("created", created);
        n.put("currency", currency);
        n.putNull("customer");
        Json.putNullable(n, "description", description);
        n.put("disputed", disputed);
        n.putNull("failure_balance_transaction");
        Json.putNullable(n, "failure_code", failureCode);
        Json.putNullable(n, "failure_message", failureMessage);
        n.set("fraud_details", Json.object());
        n.put("livemode", false);
        n.set("metadata", Json.map(metadata));
        ObjectNode outcome = n.putObject("outcome");
        outcome.put("network_status", succeeded() ? "approved_by_network" : "declined_by_network");
        Json.putNullable(outcome, "reason", declineCode);
        outcome.put("risk_level", "normal");
        outcome.put("risk_score", 12);
        outcome.put("seller_message", succeeded() ? "Payment complete." : "The bank did not return any further details with this decline.");
        outcome.put("type", succeeded() ? "authorized" : "issuer_declined");
        n.put("paid", succeeded());
        Json.putNullable(n, "payment_intent", paymentIntentId);
        n.put("payment_method", paymentMethodId);
        ObjectNode details = n.putObject("payment_method_details");
        ObjectNode c = details.putObject("card");
        c.put("brand", card.brand());
        ObjectNode checks = c.putObject("checks");
        checks.putNull("address_line1_check");
        checks.putNull("address_postal_code_check");
        checks.put("cvc_check", "pass");
        c.put("country", "US");
        c.put("exp_month", card.expMonth());
        c.put("exp_year", card.expYear());
        c.put("funding", card.funding());
        c.put("last4", card.last4());
        c.put("network", card.brand());
        details.put("type", "card");
        Json.putNullable(n, "receipt_email", billingEmail);
        n.putNull("receipt_number");
        n.put("receipt_url", "https://pay.stripe.com/receipts/sandbox/" + id);
        n.put("refunded", amountRefunded == amount && amount > 0);
        n.putNull("review");
        n.putNull("shipping");
        n.putNull("source");
        n.putNull("statement_descriptor");
        n.put("status", succeeded() ? "succeeded" : "failed");
        n.putNull("transfer_group");
        return n;
    }
}
