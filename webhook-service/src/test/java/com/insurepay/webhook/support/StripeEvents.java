package com.insurepay.webhook.support;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Event bodies shaped like Stripe's (the fields of ../shared/stripe-fixtures), with our ids where checkout-service
 * puts them. Built as JSON text, as Stripe sends it.
 */
public final class StripeEvents {

    public static final String CURRENT_API_VERSION = "2026-07-29.dahlia";
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private StripeEvents() {
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String event(String eventId, String type, JsonObject object) {
        return event(eventId, type, object, CURRENT_API_VERSION);
    }

    /** {@code apiVersion} may be null, as in Stripe's published fixtures. */
    public static String event(String eventId, String type, JsonObject object, String apiVersion) {
        return event(eventId, type, object, apiVersion, null);
    }

    /** An event caused by an API request ({@code request.id}), e.g. a session expired by checkout-service. */
    public static String eventOfApiRequest(String type, JsonObject object, String requestId) {
        return event(newEventId(), type, object, CURRENT_API_VERSION, requestId);
    }

    private static String event(String eventId, String type, JsonObject object, String apiVersion, String requestId) {
        JsonObject data = new JsonObject();
        data.add("object", object);
        JsonObject request = new JsonObject();
        request.addProperty("id", requestId);
        request.add("idempotency_key", null);
        JsonObject event = new JsonObject();
        event.addProperty("id", eventId);
        event.addProperty("object", "event");
        event.addProperty("api_version", apiVersion);
        event.addProperty("created", Instant.now().getEpochSecond());
        event.add("data", data);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        event.add("request", request);
        event.addProperty("type", type);
        return GSON.toJson(event);
    }

    /**
     * The payment's own Checkout Session as Stripe sends it: a checkout payment's session names our id in
     * {@code client_reference_id} and metadata (checkout-service sets both); a Payment Link's session has no
     * {@code client_reference_id}, the link's metadata (Stripe copies it) and {@code payment_link}. Amount and
     * currency are the payment's, the currency in Stripe's lower case. Tests change single fields to forge one.
     */
    public static JsonObject session(PaymentSeeder.Seeded p, String paymentStatus) {
        boolean link = p.paymentLink() != null;
        return session(p.sessionId(), link ? null : p.paymentId(), p.paymentId(), paymentStatus, p.paymentIntent(),
                p.paymentLink(), p.amount(), p.currency());
    }

    /** A Checkout Session; {@code clientReferenceId}/{@code ourId} may be null to test the other lookups. */
    public static JsonObject session(String sessionId, String clientReferenceId, String ourId, String paymentStatus,
            String paymentIntent, String paymentLink, long amountTotal, String currency) {
        JsonObject s = new JsonObject();
        s.addProperty("id", sessionId);
        s.addProperty("object", "checkout.session");
        s.addProperty("amount_subtotal", amountTotal);
        s.addProperty("amount_total", amountTotal);
        s.addProperty("currency", currency.toLowerCase(Locale.ROOT));
        s.addProperty("client_reference_id", clientReferenceId);
        s.addProperty("customer_email", "alice@example.com");
        s.add("metadata", metadata(ourId));
        s.addProperty("mode", "payment");
        s.addProperty("payment_intent", paymentIntent);
        s.addProperty("payment_link", paymentLink);
        s.addProperty("payment_status", paymentStatus);
        s.addProperty("status", "unpaid".equals(paymentStatus) ? "open" : "complete");
        s.addProperty("url", (String) null);
        return s;
    }

    /** The object as Stripe sends it when nothing of ours was put on it: no client_reference_id, empty metadata. */
    public static JsonObject withoutOurIds(JsonObject object) {
        if (object.has("client_reference_id")) {
            object.add("client_reference_id", JsonNull.INSTANCE);
        }
        object.add("metadata", new JsonObject());
        return object;
    }

    /** The payment's PaymentIntent, declined (it carries the metadata checkout-service put on it). */
    public static JsonObject failedPaymentIntent(PaymentSeeder.Seeded p, String declineMessage) {
        JsonObject error = new JsonObject();
        error.addProperty("type", "card_error");
        error.addProperty("code", "card_declined");
        error.addProperty("decline_code", "insufficient_funds");
        error.addProperty("message", declineMessage);
        JsonObject pi = new JsonObject();
        pi.addProperty("id", p.paymentIntent());
        pi.addProperty("object", "payment_intent");
        pi.addProperty("amount", p.amount());
        pi.addProperty("currency", p.currency().toLowerCase(Locale.ROOT));
        pi.add("last_payment_error", error);
        pi.add("metadata", metadata(p.paymentId()));
        pi.addProperty("status", "requires_payment_method");
        return pi;
    }

    /** The payment's charge with {@code amountRefunded} (cumulative, as Stripe sends it) given back. */
    public static JsonObject refundedCharge(PaymentSeeder.Seeded p, long amountRefunded) {
        return refundedCharge(p.charge(), p.paymentIntent(), p.paymentId(), p.amount(), p.currency(), amountRefunded);
    }

    public static JsonObject refundedCharge(String charge, String paymentIntent, String ourId, long amount, String currency,
            long amountRefunded) {
        JsonObject ch = new JsonObject();
        ch.addProperty("id", charge);
        ch.addProperty("object", "charge");
        ch.addProperty("amount", amount);
        ch.addProperty("amount_captured", amount);
        ch.addProperty("amount_refunded", amountRefunded);
        ch.addProperty("captured", true);
        ch.addProperty("currency", currency.toLowerCase(Locale.ROOT));
        ch.add("metadata", metadata(ourId));
        ch.addProperty("paid", true);
        ch.addProperty("payment_intent", paymentIntent);
        ch.addProperty("refunded", amountRefunded >= amount);
        ch.addProperty("status", "succeeded");
        return ch;
    }

    /**
     * The dispute of the payment's charge, for its whole amount, in Stripe's {@code status} ({@code needs_response}
     * when created; {@code won}, {@code lost} or {@code warning_closed} when closed). A dispute has no metadata of ours.
     */
    public static JsonObject dispute(PaymentSeeder.Seeded p, String status) {
        JsonObject dp = new JsonObject();
        dp.addProperty("id", p.dispute());
        dp.addProperty("object", "dispute");
        dp.addProperty("amount", p.amount());
        dp.addProperty("charge", p.charge());
        dp.addProperty("currency", p.currency().toLowerCase(Locale.ROOT));
        dp.add("metadata", new JsonObject());
        dp.addProperty("payment_intent", p.paymentIntent());
        dp.addProperty("reason", "fraudulent");
        dp.addProperty("status", status);
        return dp;
    }

    private static JsonObject metadata(String ourId) {
        JsonObject m = new JsonObject();
        if (ourId != null) {
            for (Map.Entry<String, String> e : Map.of("payment_intent_id", ourId, "user_id", "user-1", "quote_id", "quote-1").entrySet()) {
                m.addProperty(e.getKey(), e.getValue());
            }
        }
        return m;
    }
}
