package com.insurepay.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Small steps shared by the journeys, all through MCP. */
final class Journeys {

    static final String CARD_OK = "4242424242424242";
    static final String CARD_DECLINED = "4000000000000002";

    private Journeys() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** initiate_purchase's arguments as an assistant passes them: the quote and the insurer's signed quote token. */
    static Map<String, Object> purchase(String user, String quote, long amount, String email) {
        return quoted(user, quote, amount, "Travel Insurance - Gold", email);
    }

    /** The arguments of initiate_purchase or save_quote_for_later: the price comes only from the quote token. */
    static Map<String, Object> quoted(String user, String quote, long amount, String product, String email) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("user_id", user);
        args.put("quote_id", quote);
        args.put("quote_token", QuoteSigner.sign(quote, amount, "SGD", product));
        if (email != null) {
            args.put("customer_email", email);
        }
        return args;
    }

    static JsonNode status(Mcp mcp, String paymentId) {
        return mcp.call("check_payment_status", Map.of("payment_intent_id", paymentId));
    }

    /** Waits until check_payment_status reports the expected status (the webhook is asynchronous). */
    static JsonNode awaitStatus(Mcp mcp, String paymentId, String expected, Duration timeout) {
        return awaitPayment(mcp, paymentId, "becomes " + expected, p -> expected.equals(p.path("payment_status").asText()), timeout);
    }

    /** Polls check_payment_status until {@code condition} holds; returns that answer. */
    static JsonNode awaitPayment(Mcp mcp, String paymentId, String what, Predicate<JsonNode> condition, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await("payment " + paymentId + " " + what).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    last[0] = status(mcp, paymentId);
                    return condition.test(last[0]);
                });
        return last[0];
    }
}
