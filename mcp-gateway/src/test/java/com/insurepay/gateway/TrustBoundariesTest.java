package com.insurepay.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.gateway.auth.Scope;
import com.insurepay.gateway.auth.TokenLimits;
import com.insurepay.testsupport.DynamoDbSandboxServer;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkiverse.mcp.server.ClientCapability;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkiverse.mcp.server.test.McpAssured.ToolInfo;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a token may do: only its scopes' tools, only for its tenant (told to checkout-service on every call), within
 * its refund ceilings and rate limits, and a user may have to confirm a refund first. Against a WireMock stub of
 * checkout-service and real tokens in dynamodb-sandbox.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
@ConnectWireMock
class TrustBoundariesTest {

    WireMock wiremock;

    @Inject
    McpTokenRepository tokens;

    @BeforeEach
    void reset() {
        wiremock.resetMappings();
        wiremock.resetRequests();
    }

    private String token(String tenant, Set<Scope> scopes, TokenLimits limits) {
        return McpClients.create(tokens, "trust-" + tenant, tenant, scopes, limits);
    }

    private static TokenLimits limits(long perCall, long perDay, int callsPerMinute, int emailsPerMinute) {
        return new TokenLimits(Map.of("SGD", perCall), Map.of("SGD", perDay), callsPerMinute, emailsPerMinute);
    }

    private static ToolResponse call(McpStreamableTestClient client, String tool, Map<String, Object> args) {
        AtomicReference<ToolResponse> result = new AtomicReference<>();
        client.when().toolsCall(tool, args, result::set).thenAssertResults();
        return result.get();
    }

    private static String text(ToolResponse r) {
        return r.content().get(0).asText().text();
    }

    private void paidPayment(String id, long refundable) {
        wiremock.register(get(urlEqualTo("/api/payments/" + id)).willReturn(json(200, """
                {"payment_intent_id": "%s", "tenant": "acme", "user_id": "u", "quote_id": "q", "amount": 15000,
                 "currency": "SGD", "amount_display": "SGD 150.00", "product_name": "Travel Insurance - Gold",
                 "payment_status": "completed", "kind": "checkout", "refunded_amount": %d, "refundable_amount": %d,
                 "history": [{"at": "2026-11-22T05:00:00.000Z", "from": null, "to": "pending", "applied": true,
                              "source": "api", "actor": "token:3f2a9c01b7de:claude-desktop", "detail": "initiate_purchase",
                              "conversation_id": "conv-1"}]}""".formatted(id, 15000 - refundable, refundable))));
        wiremock.register(post(urlEqualTo("/api/payments/" + id + "/refunds")).willReturn(json(200, """
                {"refund_id": "re_1", "payment_intent_id": "%s", "amount": 5000, "currency": "SGD", "amount_display": "SGD 50.00",
                 "reason": "requested_by_customer", "refund_status": "succeeded", "refunded_amount": 5000,
                 "refundable_amount": 10000, "payment_status": "partially_refunded"}""".formatted(id))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void aTokenSeesOnlyTheToolsOfItsScopesAndIsRefusedTheOthersWithAToolError() {
        String readOnly = token("acme", EnumSet.of(Scope.READ), McpClients.GENEROUS);
        try (McpStreamableTestClient client = McpClients.connected(readOnly)) {
            client.when()
                    .toolsList(
                            page -> assertEquals(Set.of("check_payment_status", "list_payments", "get_payment_link", "payment_analytics"),
                                    page.tools().stream().map(ToolInfo::name).collect(Collectors.toSet())))
                    .thenAssertResults();
            ToolResponse refused = call(client, "refund_payment", Map.of("payment_intent_id", "pay_01"));
            assertTrue(refused.isError());
            assertTrue(text(refused).contains("needs the 'refund' permission"), text(refused));
            ToolResponse buy = call(client, "initiate_purchase", Map.of("user_id", "u", "quote_id", "q", "quote_token", "x"));
            assertTrue(buy.isError() && text(buy).contains("'purchase' permission"), text(buy));
        }
        wiremock.verifyThat(0, postRequestedFor(urlPathEqualTo("/api/payments")));
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo("/api/payments/pay_01/refunds")));
    }

    @Test
    void checkoutServiceIsToldTheTenantTheActorTheRequestAndTheConversation() {
        paidPayment("pay_hdr", 15000);
        String secret = token("acme", EnumSet.of(Scope.READ), McpClients.GENEROUS);
        try (McpStreamableTestClient client = McpClients.connected(secret)) {
            ToolResponse status = call(client, "check_payment_status",
                    Map.of("payment_intent_id", "pay_hdr", "conversation_id", "conv-42"));
            assertFalse(status.isError(), status.toString());
            JsonObject s = (JsonObject) status.structuredContent();
            assertEquals("token:3f2a9c01b7de:claude-desktop", s.getJsonArray("history").getJsonObject(0).getString("actor"),
                    "the history shows who did what");
        }
        String id = tokens.findBySecret(secret).orElseThrow().id();
        wiremock.verifyThat(getRequestedFor(urlEqualTo("/api/payments/pay_hdr"))
                .withHeader("X-Insurepay-Tenant", equalTo("acme"))
                .withHeader("X-Insurepay-Actor", equalTo("token:" + id + ":trust-acme"))
                .withHeader("X-Insurepay-Conversation-Id", equalTo("conv-42"))
                .withHeader("X-Insurepay-Request-Id", WireMock.matching("\\d+"))
                .withHeader("Authorization", equalTo(CheckoutStubs.SERVICE_TOKEN)));
    }

    /** One structured line per tool call: token id, tool, payment id, outcome, latency; no customer data. */
    @Test
    void everyToolCallLeavesOneAuditLineWithIdsOnly() {
        paidPayment("pay_log", 15000);
        String secret = token("acme", EnumSet.of(Scope.READ), McpClients.GENEROUS);
        String id = tokens.findBySecret(secret).orElseThrow().id();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getMessage() == null ? "" : String.format(record.getMessage().replace("%d", "%s"),
                        record.getParameters() == null ? new Object[0] : record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger audit = java.util.logging.Logger.getLogger("com.insurepay.gateway.audit");
        audit.addHandler(capture);
        try (McpStreamableTestClient client = McpClients.connected(secret)) {
            assertFalse(call(client, "check_payment_status", Map.of("payment_intent_id", "pay_log")).isError());
            assertTrue(call(client, "cancel_payment", Map.of("payment_intent_id", "pay_log")).isError());
        } finally {
            audit.removeHandler(capture);
        }
        List<String> mine = lines.stream().filter(l -> l.contains("token=" + id)).toList();
        assertEquals(2, mine.size(), lines.toString());
        assertTrue(mine.get(0).matches("tool_call token=" + id + " tool=check_payment_status payment=pay_log outcome=ok latency_ms=\\d+"),
                mine.get(0));
        assertTrue(mine.get(1).contains("tool=cancel_payment") && mine.get(1).contains("outcome=refused_scope"), mine.get(1));
        assertTrue(mine.stream().noneMatch(l -> l.contains("@")), "no e-mail addresses in the audit lines");
    }

    @Test
    void theQuoteTokenIsPassedToCheckoutServiceAndThePriceArgumentsAreOnlyChecks() {
        wiremock.register(post(urlPathEqualTo("/api/payments")).willReturn(json(201, CheckoutStubs.payment("pay_q", "pending", true))));
        try (McpStreamableTestClient client = McpClients.connected(tokens)) {
            ToolResponse r = call(client, "initiate_purchase",
                    Map.of("user_id", "u", "quote_id", "quote-7", "quote_token", "eyJhbGciOi.x.y"));
            assertFalse(r.isError(), r.toString());
        }
        wiremock.verifyThat(postRequestedFor(urlPathEqualTo("/api/payments"))
                .withRequestBody(matchingJsonPath("$.quote_token", equalTo("eyJhbGciOi.x.y")))
                .withRequestBody(WireMock.notContaining("\"amount\""))
                .withRequestBody(WireMock.notContaining("\"currency\"")));
    }

    @Test
    void aRefundAboveTheTokensCeilingIsForAHumanAndReachesNobody() {
        paidPayment("pay_big", 15000);
        String secret = token("acme", EnumSet.of(Scope.READ, Scope.REFUND), limits(5000, 100_000, 100, 10));
        try (McpStreamableTestClient client = McpClients.connected(secret)) {
            ToolResponse all = call(client, "refund_payment", Map.of("payment_intent_id", "pay_big"));
            assertTrue(all.isError());
            assertTrue(text(all).contains("SGD 150.00") && text(all).contains("SGD 50.00") && text(all).contains("human must approve"),
                    text(all));
            ToolResponse ok = call(client, "refund_payment", Map.of("payment_intent_id", "pay_big", "amount", 5000));
            assertFalse(ok.isError(), ok.toString());
        }
        wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/payments/pay_big/refunds")));
    }

    @Test
    void theDailyCeilingAddsUpAcrossRefundsAndAFailedRefundGivesItsShareBack() {
        paidPayment("pay_day", 15000);
        String secret = token("acme", EnumSet.of(Scope.READ, Scope.REFUND), limits(10_000, 15_000, 100, 10));
        try (McpStreamableTestClient client = McpClients.connected(secret)) {
            wiremock.register(post(urlEqualTo("/api/payments/pay_day/refunds")).willReturn(json(409, CheckoutStubs.problem(409,
                    "refund_in_progress", "A refund is already in progress.", null))));
            assertTrue(call(client, "refund_payment", Map.of("payment_intent_id", "pay_day", "amount", 10_000)).isError());
            paidPayment("pay_day", 15000); // checkout-service answers again: the failed attempt took nothing of the day
            assertFalse(call(client, "refund_payment", Map.of("payment_intent_id", "pay_day", "amount", 10_000)).isError());
            ToolResponse over = call(client, "refund_payment", Map.of("payment_intent_id", "pay_day", "amount", 6_000, "request_id", "2"));
            assertTrue(over.isError());
            assertTrue(text(over).contains("daily refund limit") && text(over).contains("SGD 150.00 per day"), text(over));
            assertFalse(
                    call(client, "refund_payment", Map.of("payment_intent_id", "pay_day", "amount", 5_000, "request_id", "3")).isError(),
                    "what is left of the day can still be refunded");
        }
    }

    @Test
    void aClientThatCanAskItsUserConfirmsTheRefundFirstAndADeclineRefundsNothing() {
        paidPayment("pay_ask", 15000);
        String secret = token("acme", EnumSet.of(Scope.READ, Scope.REFUND), McpClients.GENEROUS);
        try (McpStreamableTestClient client = McpClients.connected(secret, new ClientCapability(ClientCapability.ELICITATION, Map.of()))) {
            assertTrue(refundAnswering(client, "decline", null).getJsonObject("result").getBoolean("isError"));
            wiremock.verifyThat(0, postRequestedFor(urlEqualTo("/api/payments/pay_ask/refunds")));
            assertTrue(refundAnswering(client, "accept", false).getJsonObject("result").getBoolean("isError"), "unticked is no");
            wiremock.verifyThat(0, postRequestedFor(urlEqualTo("/api/payments/pay_ask/refunds")));
            JsonObject accepted = refundAnswering(client, "accept", true);
            assertFalse(accepted.getJsonObject("result").getBoolean("isError", false), accepted.encode());
            wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/payments/pay_ask/refunds")));
        }
    }

    /** Calls refund_payment, answers the server's elicitation/create with the given action, returns the tool's answer. */
    private static JsonObject refundAnswering(McpStreamableTestClient client, String action, Boolean confirm) {
        JsonObject request = client.newRequest("tools/call").put("params",
                new JsonObject().put("name", "refund_payment").put("arguments", new JsonObject().put("payment_intent_id", "pay_ask")));
        int before = client.snapshot().requests().size();
        client.sendAndForget(request);
        List<JsonObject> asked = client.waitForRequests(before + 1).requests();
        JsonObject elicitation = asked.get(asked.size() - 1);
        assertEquals("elicitation/create", elicitation.getString("method"));
        assertTrue(elicitation.getJsonObject("params").getString("message").contains("Refund SGD 150.00 of payment pay_ask"),
                elicitation.encode());
        JsonObject result = new JsonObject().put("action", action);
        if (confirm != null) {
            result.put("content", new JsonObject().put("confirm", confirm));
        }
        client.sendAndForget(new JsonObject().put("jsonrpc", "2.0").put("id", elicitation.getValue("id")).put("result", result));
        return client.waitForResponse(request);
    }

    @Test
    void aTokenOverItsRateLimitIsToldHowLongToWaitAndEMailsHaveTheirOwnLowerLimit() {
        wiremock.register(get(urlEqualTo("/api/quotes/q-rate/payment-link")).willReturn(json(200, CheckoutStubs.paymentLink("q-rate"))));
        wiremock.register(post(urlEqualTo("/api/quotes/q-rate/payment-link/email")).willReturn(json(200, """
                {"quote_id": "q-rate", "sent_to": "a@example.com", "sent_at": "2026-11-22T05:00:00.000Z",
                 "payment_link_url": "http://localhost:12111/b/plink_1"}""")));
        String secret = token("acme", EnumSet.of(Scope.READ, Scope.LINKS), limits(1, 1, 3, 1));
        try (McpStreamableTestClient client = McpClients.connected(secret)) {
            assertFalse(call(client, "send_payment_link", Map.of("quote_id", "q-rate", "customer_email", "a@example.com")).isError());
            ToolResponse secondMail = call(client, "send_payment_link", Map.of("quote_id", "q-rate", "customer_email", "a@example.com"));
            assertTrue(secondMail.isError() && text(secondMail).contains("e-mails are limited to 1 per minute"), text(secondMail));
            assertFalse(call(client, "get_payment_link", Map.of("quote_id", "q-rate")).isError());
            ToolResponse fourth = call(client, "get_payment_link", Map.of("quote_id", "q-rate"));
            assertTrue(fourth.isError(), "three calls a minute");
            assertTrue(text(fourth).matches("(?s).*wait \\d+ seconds.*"), text(fourth));
        }
        wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/quotes/q-rate/payment-link/email")));
    }

    /** Someone trying secrets costs one storage read per secret per minute (negative cache), not one per attempt. */
    @Test
    void anUnknownSecretIsLookedUpOnceNotOnEveryAttempt() throws Exception {
        String unknown = "mcp_" + "x".repeat(43);
        long before = getItems();
        for (int i = 0; i < 5; i++) {
            io.restassured.RestAssured.given().header("Authorization", "Bearer " + unknown).contentType("application/json")
                    .body("{}").post("/mcp").then().statusCode(401);
        }
        assertEquals(1, getItems() - before, "one GetItem for five attempts");
    }

    private static long getItems() throws Exception {
        HttpResponse<String> stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(DynamoDbSandboxServer.shared().endpoint() + "/_sandbox/stats")).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json = new JsonObject(stats.body());
        JsonObject requests = json.getJsonObject("requests");
        return requests == null ? 0 : requests.getLong("GetItem", 0L);
    }
}
