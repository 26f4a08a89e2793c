package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.ParamEcho;
import com.insurepay.sandbox.support.Json;
import java.util.Map;

/** The PaymentIntent behind a Checkout Session; created at the first payment attempt. */
public final class PaymentIntent implements StripeObject {

    /** Why the last attempt failed, as Stripe reports it in {@code last_payment_error}. */
    public record PaymentError(String type, String code, String declineCode, String message, String chargeId) {
    }

    private final String id;
    private final long created;
    private final long seq;
    private final long amount;
    private final String currency;
    private final Map<String, String> metadata;
    private final String description;
    private final String receiptEmail;
    private final ObjectNode echo;
    private String status = "requires_payment_method";
    private String latestChargeId;
    private String paymentMethodId;
    private PaymentError lastPaymentError;
    private Long canceledAt;
    private String cancellationReason;
    private CardAttempt settling;

    public PaymentIntent(
            String id, long created, long seq, long amount, String currency, Map<String, String> metadata,
            String description, String receiptEmail, ObjectNode echo) {
        this.id = id;
        this.created = created;
        this.seq = seq;
        this.amount = amount;
        this.currency = currency;
        this.metadata = metadata;
        this.description = description;
        this.receiptEmail = receiptEmail;
        this.echo = echo;
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

    public Map<String, String> metadata() {
        return metadata;
    }

    public String description() {
        return description;
    }

    public String status() {
        return status;
    }

    public String latestChargeId() {
        return latestChargeId;
    }

    public void requireAction(String paymentMethodId) {
        this.status = "requires_action";
        this.paymentMethodId = paymentMethodId;
    }

    /** Accepted but not settled (a bank debit): no charge until the money moves, see {@link #settling()}. */
    public void process(String paymentMethodId, CardAttempt attempt) {
        this.status = "processing";
        this.paymentMethodId = paymentMethodId;
        this.settling = attempt;
        this.lastPaymentError = null;
    }

    /** The attempt waiting to settle while {@code processing}; null otherwise. */
    public CardAttempt settling() {
        return settling;
    }

    public String paymentMethodId() {
        return paymentMethodId;
    }

    public void fail(String paymentMethodId, String chargeId, PaymentError error) {
        this.settling = null;
        this.status = "requires_payment_method";
        this.paymentMethodId = paymentMethodId;
        this.lastPaymentError = error;
        if (chargeId != null) {
            this.latestChargeId = chargeId;
        }
    }

    public void succeed(String paymentMethodId, String chargeId) {
        this.settling = null;
        this.status = "succeeded";
        this.paymentMethodId = paymentMethodId;
        this.latestChargeId = chargeId;
        this.lastPaymentError = null;
    }

    public void cancel(long at, String reason) {
        this.status = "canceled";
        this.canceledAt = at;
        this.cancellationReason = reason;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "payment_intent");
        n.put("amount", amount);
        n.put("amount_capturable", 0);
        n.put("amount_received", "succeeded".equals(status) ? amount : 0);
        n.putNull("application");
        n.putNull("application_fee_amount");
        n.putNull("automatic_payment_methods");
        Json.putNullable(n, "canceled_at", canceledAt);
        Json.putNullable(n, "cancellation_reason", cancellationReason);
        n.put("capture_method", "automatic");
        n.put("client_secret", id + "_secret_" + id.substring(3, Math.min(id.length(), 20)));
        n.put("confirmation_method", "automatic");
        n.put("created", created);
        n.put("currency", currency);
        n.putNull("customer");
        Json.putNullable(n, "description", description);
        if (lastPaymentError == null) {
            n.putNull("last_payment_error");
        } else {
            ObjectNode e = n.putObject("last_payment_error");
            Json.putNullable(e, "charge", lastPaymentError.chargeId());
            e.put("code", lastPaymentError.code());
            Json.putNullable(e, "decline_code", lastPaymentError.declineCode());
            e.put("doc_url", "https://stripe.com/docs/error-codes/" + lastPaymentError.code().replace('_', '-'));
            e.put("message", lastPaymentError.message());
            e.put("type", lastPaymentError.type());
        }
        Json.putNullable(n, "latest_charge", latestChargeId);
        n.put("livemode", false);
        n.set("metadata", Json.map(metadata));
        if ("requires_action".equals(status)) {
            ObjectNode action = n.putObject("next_action");
            action.put("type", "use_stripe_sdk");
            action.set("use_stripe_sdk", Json.object());
        } else {
            n.putNull("next_action");
        }
        n.putNull("on_behalf_of");
        Json.putNullable(n, "payment_method", paymentMethodId);
        n.set("payment_method_types", Json.strings(java.util.List.of("card")));
        Json.putNullable(n, "receipt_email", receiptEmail);
        n.putNull("setup_future_usage");
        n.putNull("shipping");
        n.putNull("statement_descriptor");
        n.putNull("statement_descriptor_suffix");
        n.put("status", status);
        n.putNull("transfer_group");
        ParamEcho.applyTo(n, echo); // payment_intent_data of the session, e.g. statement_descriptor, setup_future_usage
        return n;
    }
}
