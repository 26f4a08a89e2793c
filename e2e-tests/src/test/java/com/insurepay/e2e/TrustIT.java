package com.insurepay.e2e;

import static com.insurepay.e2e.Journeys.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trust boundaries, end to end: the price comes from the insurer's signed quote, not from the model; a token sees
 * only its tenant's payments; a read-only token cannot move money. Tokens are made with the gateway's admin CLI,
 * as an operator would.
 */
@org.junit.jupiter.api.Order(3)
class TrustIT {

    static Mcp mcp;
    static Mcp otherTenant;
    static Mcp readOnly;

    @BeforeAll
    static void connect() {
        mcp = new Mcp();
        otherTenant = new Mcp(Stack.createToken(unique("other-insurer"), "other-insurer", "read,purchase,links,cancel,refund"));
        readOnly = new Mcp(Stack.createToken(unique("read-only"), Stack.env("STACK_TENANT"), "read"));
    }

    @AfterAll
    static void disconnect() {
        for (Mcp client : new Mcp[] {mcp, otherTenant, readOnly}) {
            if (client != null) {
                client.close();
            }
        }
    }

    @Test
    void thePriceComesFromTheSignedQuoteNotFromTheModel() {
        String quote = unique("quote");
        Map<String, Object> args = new LinkedHashMap<>(purchase(unique("user"), quote, 15000, null));
        args.put("amount", 500); // a model talked into a discount
        String mismatch = mcp.callExpectingError("initiate_purchase", args);
        assertTrue(mismatch.contains("150.00"), "the error names the quote's price: " + mismatch);

        Map<String, Object> unsigned = new LinkedHashMap<>(Map.of("user_id", unique("user"), "quote_id", unique("quote"),
                "amount", 500, "currency", "SGD", "product_name", "Travel Insurance - Gold"));
        String required = mcp.callExpectingError("initiate_purchase", unsigned);
        assertTrue(required.toLowerCase().contains("quote"), required);

        String otherQuote = mcp.callExpectingError("initiate_purchase", Map.of("user_id", unique("user"), "quote_id", unique("quote"),
                "quote_token", QuoteSigner.sign(quote, 15000, "SGD", "Travel Insurance - Gold")));
        assertTrue(otherQuote.toLowerCase().contains("quote"), otherQuote);

        JsonNode started = mcp.call("initiate_purchase", purchase(unique("user"), quote, 15000, null));
        assertEquals(15000, started.path("amount").asLong(), started.toString());
    }

    @Test
    void anotherTenantsTokenFindsNothingAndChangesNothing() {
        String user = unique("user");
        JsonNode started = mcp.call("initiate_purchase", purchase(user, unique("quote"), 7000, null));
        String paymentId = started.path("payment_intent_id").asText();

        // Exactly what a payment id that does not exist gets: nothing tells the other tenant it exists.
        String unknown = otherTenant.callExpectingError("check_payment_status", Map.of("payment_intent_id", "pay_does_not_exist"));
        String status = otherTenant.callExpectingError("check_payment_status", Map.of("payment_intent_id", paymentId));
        assertEquals(unknown.replace("pay_does_not_exist", paymentId), status);
        String cancel = otherTenant.callExpectingError("cancel_payment", Map.of("payment_intent_id", paymentId));
        assertTrue(cancel.contains("No payment " + paymentId + " exists"), cancel);
        JsonNode list = otherTenant.call("list_payments", Map.of("user_id", user));
        assertEquals(0, list.path("payments").size(), "another tenant lists none of this user's payments: " + list);

        assertEquals("pending", status(mcp, paymentId).path("payment_status").asText(), "nothing changed for the owner");
        assertEquals(1, mcp.call("list_payments", Map.of("user_id", user)).path("payments").size());
    }

    @Test
    void aReadOnlyTokenSeesOnlyReadToolsAndCannotRefund() {
        List<String> tools = readOnly.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
        assertEquals(List.of("check_payment_status", "get_payment_link", "list_payments", "payment_analytics"), tools);

        JsonNode started = mcp.call("initiate_purchase", purchase(unique("user"), unique("quote"), 8000, null));
        String paymentId = started.path("payment_intent_id").asText();
        Stack.payWithCard(started.path("session_id").asText(), CARD_OK);
        awaitStatus(mcp, paymentId, "completed", Duration.ofSeconds(60));

        String refused = readOnly.callExpectingError("refund_payment",
                Map.of("payment_intent_id", paymentId, "reason", "requested_by_customer"));
        assertTrue(refused.toLowerCase().contains("refund"), refused);
        JsonNode after = readOnly.call("check_payment_status", Map.of("payment_intent_id", paymentId));
        assertEquals("completed", after.path("payment_status").asText(), "the read-only token refunded nothing");
        assertEquals(0, after.path("refunded_amount").asLong(), after.toString());
    }
}
