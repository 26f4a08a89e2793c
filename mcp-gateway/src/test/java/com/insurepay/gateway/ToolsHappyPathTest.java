package com.insurepay.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each tool against a WireMock stub of checkout-service that answers as docs/checkout-api.md says. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
@ConnectWireMock
class ToolsHappyPathTest {

    WireMock wiremock;

    @Inject
    McpTokenRepository tokens;

    McpStreamableTestClient client;

    @BeforeEach
    void connect() {
        wiremock.resetMappings();
        wiremock.resetRequests();
        client = McpClients.connected(tokens);
    }

    @AfterEach
    void disconnect() {
        client.disconnect();
    }

    private ToolResponse call(String tool, Map<String, Object> args) {
        AtomicReference<ToolResponse> result = new AtomicReference<>();
        client.when().toolsCall(tool, args, result::set).thenAssertResults();
        assertFalse(result.get().isError(), () -> tool + " failed: " + result.get());
        return result.get();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void initiatePurchaseCreatesACheckoutAndReturnsTheWidget() {
        wiremock.register(post(urlEqualTo("/api/payments"))
                .willReturn(json(201, CheckoutStubs.payment("pay_01", "pending", true))));

        ToolResponse r = call("initiate_purchase", Map.of("user_id", "user-42", "quote_id", "quote-7",
                "quote_token", "signed.quote.token", "amount", 15000, "currency", "SGD",
                "product_name", "Travel Insurance - Gold", "customer_email", "alice@example.com"));

        JsonObject s = Json.structured(r);
        assertEquals("pay_01", s.getString("payment_intent_id"));
        assertEquals("http://localhost:12111/c/pay/cs_test_abc", s.getString("checkout_url"));
        assertEquals("cs_test_abc", s.getString("session_id"));
        assertEquals(15000L, s.getLong("amount"));
        assertEquals("SGD", s.getString("currency"));
        assertEquals("2026-11-23T05:00:00.000Z", s.getString("expires_at"));
        assertTrue(s.getBoolean("new_checkout"));
        assertEquals("payment_checkout", s.getJsonObject("widget").getString("type"));
        assertEquals("http://localhost:12111/c/pay/cs_test_abc", s.getJsonObject("widget").getJsonObject("data").getString("checkout_url"));
        assertTrue(s.getString("next_step").contains("check_payment_status"));
        // compatibility mode: the same JSON is readable as text
        assertEquals(s, new JsonObject(Json.text(r)));

        wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/payments"))
                .withHeader("Authorization", equalTo(CheckoutStubs.SERVICE_TOKEN))
                .withRequestBody(equalToJson("""
                        {"user_id": "user-42", "quote_id": "quote-7", "quote_token": "signed.quote.token", "amount": 15000,
                         "currency": "SGD", "product_name": "Travel Insurance - Gold", "customer_email": "alice@example.com"}""")));
    }

    @Test
    void initiatePurchaseTwiceForAQuoteReturnsTheOpenCheckout() {
        wiremock.register(post(urlEqualTo("/api/payments"))
                .willReturn(json(200, CheckoutStubs.payment("pay_01", "pending", false))));
        JsonObject s = Json.structured(call("initiate_purchase", Map.of("user_id", "user-42", "quote_id", "quote-7",
                "amount", 15000, "currency", "SGD", "product_name", "Travel Insurance - Gold")));
        assertFalse(s.getBoolean("new_checkout"));
        assertEquals("pay_01", s.getString("payment_intent_id"));
    }

    @Test
    void checkPaymentStatusReadsThePayment() {
        wiremock.register(get(urlEqualTo("/api/payments/pay_01"))
                .willReturn(json(200, CheckoutStubs.payment("pay_01", "completed", null))));

        JsonObject s = Json.structured(call("check_payment_status", Map.of("payment_intent_id", "pay_01")));

        assertEquals("completed", s.getString("payment_status"));
        assertEquals("cs_test_abc", s.getString("stripe_session_id"));
        assertEquals("quote-7", s.getString("quote_id"));
        assertTrue(s.getString("next_step").contains("complete_purchase"));
        assertFalse(s.containsKey("policy_number"), "absent values are left out, not null");
        wiremock.verifyThat(getRequestedFor(urlEqualTo("/api/payments/pay_01"))
                .withHeader("Authorization", equalTo(CheckoutStubs.SERVICE_TOKEN)));
    }

    @Test
    void completePurchaseIssuesThePolicy() {
        wiremock.register(post(urlEqualTo("/api/payments/pay_01/policy")).willReturn(json(201, """
                {"policy_id": "pol_01", "policy_number": "POL-2026-000123", "payment_intent_id": "pay_01",
                 "policy_document_url": "http://localhost:8085/policies/pol_01.pdf?token=x",
                 "issued_at": "2026-11-22T05:10:00.000Z", "issued_by": "api", "policy_status": "active",
                 "payment_status": "completed", "refunded_amount": 0, "confirmation_email_sent": true}""")));

        JsonObject s = Json.structured(call("complete_purchase", Map.of("payment_intent_id", "pay_01")));

        assertEquals("POL-2026-000123", s.getString("policy_number"));
        assertEquals("active", s.getString("policy_status"));
        assertEquals("http://localhost:8085/policies/pol_01.pdf?token=x", s.getString("policy_document_url"));
        assertTrue(s.getBoolean("newly_issued"));
        assertTrue(s.getBoolean("confirmation_email_sent"));
    }

    @Test
    void cancelPaymentPassesTheReason() {
        wiremock.register(post(urlEqualTo("/api/payments/pay_01/cancel"))
                .willReturn(json(200, CheckoutStubs.payment("pay_01", "cancelled", null))));

        JsonObject s = Json.structured(call("cancel_payment", Map.of("payment_intent_id", "pay_01", "reason", "changed mind")));

        assertEquals("cancelled", s.getString("payment_status"));
        wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/payments/pay_01/cancel"))
                .withRequestBody(equalToJson("{\"reason\": \"changed mind\"}")));
    }

    @Test
    void saveQuoteForLaterCreatesAPaymentLink() {
        wiremock.register(put(urlEqualTo("/api/quotes/quote-7/payment-link"))
                .willReturn(json(201, CheckoutStubs.paymentLink("quote-7"))));

        JsonObject s = Json.structured(call("save_quote_for_later", Map.of("quote_id", "quote-7", "user_id", "user-42",
                "customer_email", "alice@example.com", "product_name", "Travel Insurance - Gold", "amount", 15000,
                "currency", "SGD", "notes", "discuss with spouse")));

        assertEquals("http://localhost:12111/b/plink_123", s.getString("payment_link_url"));
        assertEquals("2026-11-29T05:00:00.000Z", s.getString("expires_at"));
        assertTrue(s.getBoolean("new_link"));
        wiremock.verifyThat(putRequestedFor(urlEqualTo("/api/quotes/quote-7/payment-link")).withRequestBody(equalToJson("""
                {"user_id": "user-42", "customer_email": "alice@example.com", "product_name": "Travel Insurance - Gold",
                 "amount": 15000, "currency": "SGD", "notes": "discuss with spouse"}""")));
    }

    @Test
    void sendPaymentLinkEmailsIt() {
        wiremock.register(post(urlEqualTo("/api/quotes/quote-7/payment-link/email")).willReturn(json(200, """
                {"quote_id": "quote-7", "sent_to": "alice@example.com", "sent_at": "2026-11-22T05:00:00.000Z",
                 "payment_link_url": "http://localhost:12111/b/plink_123"}""")));

        JsonObject s = Json.structured(call("send_payment_link", Map.of("quote_id", "quote-7",
                "customer_email", "alice@example.com", "customer_name", "Alice")));

        assertTrue(s.getBoolean("success"));
        assertEquals("alice@example.com", s.getString("email_sent_to"));
        wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/quotes/quote-7/payment-link/email"))
                .withRequestBody(equalToJson("{\"customer_email\": \"alice@example.com\", \"customer_name\": \"Alice\"}")));
    }

    @Test
    void getPaymentLinkReturnsTheLink() {
        wiremock.register(get(urlEqualTo("/api/quotes/quote-7/payment-link"))
                .willReturn(json(200, CheckoutStubs.paymentLink("quote-7"))));

        JsonObject s = Json.structured(call("get_payment_link", Map.of("quote_id", "quote-7")));

        assertEquals("plink_123", s.getString("payment_link_id"));
        assertTrue(s.getBoolean("is_active"));
        assertEquals("pending", s.getString("payment_status"));
    }

    @Test
    void refundPaymentSendsAnIdempotencyKeyDerivedFromTheRequest() {
        wiremock.register(get(urlEqualTo("/api/payments/pay_01")).willReturn(json(200, CheckoutStubs.paid("pay_01", 15000))));
        wiremock.register(post(urlEqualTo("/api/payments/pay_01/refunds")).willReturn(json(200, """
                {"refund_id": "re_1", "payment_intent_id": "pay_01", "amount": 7500, "currency": "SGD",
                 "amount_display": "SGD 75.00", "reason": "requested_by_customer", "refund_status": "succeeded",
                 "refunded_amount": 7500, "refundable_amount": 7500, "payment_status": "partially_refunded"}""")));

        Map<String, Object> args = Map.of("payment_intent_id", "pay_01", "amount", 7500, "reason", "requested_by_customer");
        JsonObject s = Json.structured(call("refund_payment", args));
        call("refund_payment", args); // the model retries the same call
        call("refund_payment", Map.of("payment_intent_id", "pay_01", "amount", 7500, "request_id", "second-refund"));

        assertEquals("re_1", s.getString("refund_id"));
        assertEquals("partially_refunded", s.getString("payment_status"));
        assertEquals(7500L, s.getLong("refundable_amount"));
        List<LoggedRequest> sent = wiremock.find(postRequestedFor(urlEqualTo("/api/payments/pay_01/refunds"))
                .withHeader("Idempotency-Key", matching("mcp-refund-[0-9a-f]{40}"))
                .withRequestBody(equalToJson("{\"amount\": 7500, \"reason\": \"requested_by_customer\"}", true, true)));
        assertEquals(3, wiremock.find(postRequestedFor(urlEqualTo("/api/payments/pay_01/refunds"))).size());
        assertEquals(2, sent.size());
        List<String> keys = wiremock.find(postRequestedFor(urlEqualTo("/api/payments/pay_01/refunds"))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).toList();
        assertEquals(keys.get(0), keys.get(1), "a retried call reuses its key");
        assertNotEquals(keys.get(0), keys.get(2), "a new request_id is a new refund");
    }

    @Test
    void listPaymentsPagesThroughAUsersPayments() {
        String item = CheckoutStubs.payment("pay_02", "completed", null);
        wiremock.register(get(urlPathEqualTo("/api/payments")).withQueryParam("user_id", equalTo("user-42"))
                .withQueryParam("limit", equalTo("1"))
                .willReturn(json(200, "{\"items\": [" + item + "], \"next_cursor\": \"abc\"}")));

        JsonObject s = Json.structured(call("list_payments", Map.of("user_id", "user-42", "limit", 1)));

        assertEquals(1, s.getInteger("count"));
        assertEquals("pay_02", s.getJsonArray("payments").getJsonObject(0).getString("payment_intent_id"));
        assertEquals("abc", s.getString("next_cursor"));
        assertNull(s.getJsonArray("payments").getJsonObject(0).getString("checkout_url"));
    }
}
