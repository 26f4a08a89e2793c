package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.ParamEcho;
import com.insurepay.sandbox.support.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Payment Link. It has no expiry of its own (like Stripe): it stops selling when made inactive or
 * when {@code restrictions.completed_sessions.limit} sessions have been completed.
 */
public final class PaymentLink implements StripeObject {

    private final String id;
    private final long created;
    private final long seq;
    private final List<LineItem> lineItems;
    private final String url;
    private boolean active;
    private Map<String, String> metadata;
    private String inactiveMessage;
    private Long completedSessionsLimit;
    private long completedSessions;
    private String afterCompletionType;
    private String redirectUrl;
    private String confirmationMessage;
    private Map<String, String> paymentIntentMetadata;
    private String paymentIntentDescription;
    private String customerCreation;
    /** Other parameters Stripe keeps on the link (ParamEcho), and those of its payment_intent_data. */
    private final ObjectNode echo = Json.object();
    private final ObjectNode paymentIntentEcho = Json.object();

    public PaymentLink(String id, long created, long seq, List<LineItem> lineItems, String url) {
        this.id = id;
        this.created = created;
        this.seq = seq;
        this.lineItems = lineItems;
        this.url = url;
        this.active = true;
        this.metadata = new LinkedHashMap<>();
        this.paymentIntentMetadata = new LinkedHashMap<>();
        this.afterCompletionType = "hosted_confirmation";
        this.customerCreation = "if_required";
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

    public List<LineItem> lineItems() {
        return lineItems;
    }

    public String url() {
        return url;
    }

    public String currency() {
        return lineItems.get(0).price().currency();
    }

    public boolean active() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public String inactiveMessage() {
        return inactiveMessage;
    }

    public void setInactiveMessage(String inactiveMessage) {
        this.inactiveMessage = inactiveMessage;
    }

    public Long completedSessionsLimit() {
        return completedSessionsLimit;
    }

    public void setCompletedSessionsLimit(Long limit) {
        this.completedSessionsLimit = limit;
    }

    public long completedSessions() {
        return completedSessions;
    }

    /** Counts a completed session; true when that used the link up. */
    public boolean recordCompletedSession() {
        completedSessions++;
        return isUsedUp();
    }

    public boolean isUsedUp() {
        return completedSessionsLimit != null && completedSessions >= completedSessionsLimit;
    }

    public boolean canStartSession() {
        return active && !isUsedUp();
    }

    public String afterCompletionType() {
        return afterCompletionType;
    }

    public String redirectUrl() {
        return redirectUrl;
    }

    public String confirmationMessage() {
        return confirmationMessage;
    }

    public void setAfterCompletion(String type, String redirectUrl, String confirmationMessage) {
        this.afterCompletionType = type;
        this.redirectUrl = redirectUrl;
        this.confirmationMessage = confirmationMessage;
    }

    public Map<String, String> paymentIntentMetadata() {
        return paymentIntentMetadata;
    }

    public String paymentIntentDescription() {
        return paymentIntentDescription;
    }

    public void setPaymentIntentData(Map<String, String> metadata, String description) {
        this.paymentIntentMetadata = metadata;
        this.paymentIntentDescription = description;
    }

    public String customerCreation() {
        return customerCreation;
    }

    public void setCustomerCreation(String customerCreation) {
        this.customerCreation = customerCreation;
    }

    public ObjectNode echo() {
        return echo;
    }

    public ObjectNode paymentIntentEcho() {
        return paymentIntentEcho;
    }

    /** A create or update: each top-level parameter sent replaces what the link had (as on Stripe). */
    public void echo(ObjectNode fields, ObjectNode paymentIntentFields) {
        echo.setAll(fields);
        paymentIntentEcho.setAll(paymentIntentFields);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "payment_link");
        n.put("active", active);
        ObjectNode after = n.putObject("after_completion");
        if ("redirect".equals(afterCompletionType)) {
            after.putObject("redirect").put("url", redirectUrl);
        } else {
            Json.putNullable(after.putObject("hosted_confirmation"), "custom_message", confirmationMessage);
        }
        after.put("type", afterCompletionType);
        n.put("allow_promotion_codes", false);
        n.putNull("application");
        n.putNull("application_fee_amount");
        n.putNull("application_fee_percent");
        n.putObject("automatic_tax").put("enabled", false);
        n.put("billing_address_collection", "auto");
        n.putNull("consent_collection");
        n.put("currency", currency());
        n.putArray("custom_fields");
        ObjectNode customText = n.putObject("custom_text");
        customText.putNull("after_submit");
        customText.putNull("shipping_address");
        customText.putNull("submit");
        customText.putNull("terms_of_service_acceptance");
        n.put("customer_creation", customerCreation);
        Json.putNullable(n, "inactive_message", inactiveMessage);
        n.putNull("invoice_creation");
        n.put("livemode", false);
        n.putNull("managed_payments");
        n.set("metadata", Json.map(metadata));
        n.putNull("name_collection");
        n.putNull("on_behalf_of");
        n.putNull("optional_items");
        if (paymentIntentMetadata.isEmpty() && paymentIntentDescription == null && paymentIntentEcho.isEmpty()) {
            n.putNull("payment_intent_data");
        } else {
            ObjectNode pi = n.putObject("payment_intent_data");
            pi.putNull("capture_method");
            Json.putNullable(pi, "description", paymentIntentDescription);
            pi.set("metadata", Json.map(paymentIntentMetadata));
            pi.putNull("setup_future_usage");
            pi.putNull("statement_descriptor");
            pi.putNull("statement_descriptor_suffix");
            pi.putNull("transfer_group");
            ParamEcho.applyTo(pi, paymentIntentEcho);
        }
        n.put("payment_method_collection", "always");
        n.putNull("payment_method_options");
        n.putNull("payment_method_types");
        n.putObject("phone_number_collection").put("enabled", false);
        if (completedSessionsLimit == null) {
            n.putNull("restrictions");
        } else {
            ObjectNode completed = n.putObject("restrictions").putObject("completed_sessions");
            completed.put("count", completedSessions);
            completed.put("limit", completedSessionsLimit);
        }
        n.putNull("shipping_address_collection");
        n.putArray("shipping_options");
        n.put("submit_type", "auto");
        n.putNull("subscription_data");
        n.putObject("tax_id_collection").put("enabled", false);
        n.putNull("transfer_data");
        n.put("url", url);
        ParamEcho.applyTo(n, echo);
        return n;
    }
}
