package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.ParamEcho;
import com.insurepay.sandbox.support.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Checkout Session in mode {@code payment}. Its life: open → complete (paid) or open → expired;
 * never back. Mutations happen under the store's lock (see {@link SandboxStore#lock()}).
 */
public final class CheckoutSession implements StripeObject {

    public enum Status {
        OPEN,
        COMPLETE,
        EXPIRED;

        public String value() {
            return name().toLowerCase();
        }
    }

    /**
     * What the creator asked for; fixed once the session exists. {@code echo}: other parameters Stripe
     * keeps on the session (see ParamEcho); {@code paymentIntentEcho}: those of payment_intent_data.
     */
    public record Spec(
            String currency,
            List<LineItem> lineItems,
            String clientReferenceId,
            String customerEmail,
            String customerCreation,
            Map<String, String> metadata,
            Map<String, String> paymentIntentMetadata,
            String paymentIntentDescription,
            long expiresAt,
            String successUrl,
            String cancelUrl,
            String locale,
            List<String> paymentMethodTypes,
            String paymentLinkId,
            String hostedConfirmationMessage,
            ObjectNode echo,
            ObjectNode paymentIntentEcho) {
    }

    private final String id;
    private final long created;
    private final long seq;
    private final Spec spec;
    private final String url;
    private Status status = Status.OPEN;
    private boolean paid;
    private String paymentIntentId;
    private String customerDetailsEmail;
    private String customerDetailsName;
    private CardAttempt pendingAuthentication;

    public CheckoutSession(String id, long created, long seq, Spec spec, String url) {
        this.id = id;
        this.created = created;
        this.seq = seq;
        this.spec = spec;
        this.url = url;
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

    public Spec spec() {
        return spec;
    }

    public String url() {
        return url;
    }

    public Status status() {
        return status;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public boolean isPaid() {
        return paid;
    }

    public long amountTotal() {
        return spec.lineItems().stream().mapToLong(LineItem::amount).sum();
    }

    public String paymentIntentId() {
        return paymentIntentId;
    }

    public void attachPaymentIntent(String paymentIntentId) {
        this.paymentIntentId = paymentIntentId;
    }

    /** The attempt waiting for the 3D Secure step (card 4000 0025 0000 3155), if any. */
    public CardAttempt pendingAuthentication() {
        return pendingAuthentication;
    }

    public void awaitAuthentication(CardAttempt attempt) {
        this.pendingAuthentication = attempt;
    }

    public void clearPendingAuthentication() {
        this.pendingAuthentication = null;
    }

    public void complete(String email, String name) {
        complete(email, name, true);
    }

    /**
     * {@code paid=false}: a delayed-settlement payment method (a bank debit) was accepted; the session is
     * complete with {@code payment_status=unpaid} until {@link #markPaid()} when the money settles.
     */
    public void complete(String email, String name, boolean paid) {
        requireOpen();
        this.status = Status.COMPLETE;
        this.paid = paid;
        this.customerDetailsEmail = email;
        this.customerDetailsName = name;
        this.pendingAuthentication = null;
    }

    public void markPaid() {
        if (status != Status.COMPLETE) {
            throw new IllegalStateException("session " + id + " is " + status.value());
        }
        this.paid = true;
    }

    public void expire() {
        requireOpen();
        this.status = Status.EXPIRED;
        this.pendingAuthentication = null;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new IllegalStateException("session " + id + " is " + status.value());
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "checkout.session");
        n.putObject("adaptive_pricing").put("enabled", false);
        n.putNull("after_expiration");
        n.putNull("allow_promotion_codes");
        n.put("amount_subtotal", amountTotal());
        n.put("amount_total", amountTotal());
        ObjectNode tax = n.putObject("automatic_tax");
        tax.put("enabled", false);
        tax.putNull("liability");
        tax.putNull("status");
        n.putNull("billing_address_collection");
        Json.putNullable(n, "cancel_url", spec.cancelUrl());
        Json.putNullable(n, "client_reference_id", spec.clientReferenceId());
        n.putNull("client_secret");
        n.putNull("collected_information");
        n.putNull("consent");
        n.putNull("consent_collection");
        n.put("created", created);
        n.put("currency", spec.currency());
        n.putArray("custom_fields");
        ObjectNode customText = n.putObject("custom_text");
        customText.putNull("after_submit");
        customText.putNull("shipping_address");
        customText.putNull("submit");
        customText.putNull("terms_of_service_acceptance");
        n.putNull("customer");
        n.putNull("customer_account");
        Json.putNullable(n, "customer_creation", spec.customerCreation());
        if (status == Status.COMPLETE) {
            ObjectNode details = n.putObject("customer_details");
            details.putNull("address");
            Json.putNullable(details, "email", customerDetailsEmail);
            Json.putNullable(details, "name", customerDetailsName);
            details.putNull("phone");
            details.put("tax_exempt", "none");
            details.putArray("tax_ids");
        } else {
            n.putNull("customer_details");
        }
        Json.putNullable(n, "customer_email", spec.customerEmail());
        n.putArray("discounts");
        n.put("expires_at", spec.expiresAt());
        n.putNull("integration_identifier");
        n.putNull("invoice");
        n.putNull("invoice_creation");
        n.put("livemode", false);
        Json.putNullable(n, "locale", spec.locale());
        n.set("metadata", Json.map(spec.metadata()));
        n.putNull("managed_payments");
        n.put("mode", "payment");
        n.putNull("name_collection");
        n.putNull("origin_context");
        Json.putNullable(n, "payment_intent", paymentIntentId);
        Json.putNullable(n, "payment_link", spec.paymentLinkId());
        n.put("payment_method_collection", "if_required");
        n.set("payment_method_options", Json.object());
        n.set("payment_method_types", Json.strings(spec.paymentMethodTypes()));
        n.put("payment_status", paid ? "paid" : "unpaid");
        n.putNull("permissions");
        n.putObject("phone_number_collection").put("enabled", false);
        n.putNull("recovered_from");
        n.putNull("saved_payment_method_options");
        n.putNull("setup_intent");
        n.putNull("shipping_address_collection");
        n.putNull("shipping_cost");
        n.putArray("shipping_options");
        n.put("status", status.value());
        n.putNull("submit_type");
        n.putNull("subscription");
        Json.putNullable(n, "success_url", spec.successUrl());
        ObjectNode taxIds = n.putObject("tax_id_collection");
        taxIds.put("enabled", false);
        taxIds.put("required", "never");
        ObjectNode totals = n.putObject("total_details");
        totals.put("amount_discount", 0);
        totals.put("amount_shipping", 0);
        totals.put("amount_tax", 0);
        n.put("ui_mode", "hosted_page"); // the value of the API version stripe-java 33.3.0 pins
        // Stripe only shows the URL while the session can still be paid.
        Json.putNullable(n, "url", status == Status.OPEN ? url : null);
        n.putNull("wallet_options");
        ParamEcho.applyTo(n, spec.echo());
        return n;
    }

    public static Map<String, String> copy(Map<String, String> m) {
        return new LinkedHashMap<>(m);
    }
}
