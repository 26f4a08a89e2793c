package com.insurepay.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.gateway.tools.ToolErrors;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error class of checkout-service becomes a tool error (isError) with one sentence; never a protocol error. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
@ConnectWireMock
class ToolErrorsTest {

    static final Map<String, Object> PURCHASE = Map.of("user_id", "user-42", "quote_id", "quote-7", "amount", 49,
            "currency", "SGD", "product_name", "Travel Insurance - Gold");

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

    private String errorOf(String tool, Map<String, Object> args) {
        AtomicReference<ToolResponse> result = new AtomicReference<>();
        client.when().toolsCall(tool, args, result::set).thenAssertResults();
        ToolResponse r = result.get();
        assertTrue(r.isError(), () -> tool + " should fail: " + r);
        String text = Json.text(r);
        assertFalse(text.contains("Exception") || text.contains("\tat "), "no stack trace: " + text);
        return text;
    }

    private static ResponseDefinitionBuilder problem(int status, String code, String detail, String field) {
        return aResponse().withStatus(status).withHeader("Content-Type", CheckoutStubs.PROBLEM_JSON)
                .withBody(CheckoutStubs.problem(status, code, detail, field));
    }

    @Test
    void validationErrorSaysWhatIsWrong() {
        wiremock.register(post(urlEqualTo("/api/payments")).willReturn(problem(400, "validation_error",
                "amount must be at least 50 minor units for SGD (SGD 0.50), got 49", "amount")));
        assertEquals("amount must be at least 50 minor units for SGD (SGD 0.50), got 49.", errorOf("initiate_purchase", PURCHASE));
    }

    @Test
    void validationErrorWithoutDetailNamesTheField() {
        wiremock.register(post(urlEqualTo("/api/payments")).willReturn(problem(400, "validation_error", null, "customer_email")));
        assertEquals("The argument customer_email is invalid; correct it and call the tool again.",
                errorOf("initiate_purchase", PURCHASE));
    }

    @Test
    void signedQuoteProblemsReachTheModelAsToolErrorsItCanActOn() {
        String mismatch = "The quote says SGD 150.00, not SGD 1.00; the price comes from the signed quote: use SGD 150.00 "
                + "or ask for a new quote if the price changed.";
        wiremock.register(post(urlEqualTo("/api/payments")).willReturn(problem(400, "quote_mismatch", mismatch, "quote_token")));
        assertEquals(mismatch, errorOf("initiate_purchase", PURCHASE));
        wiremock.register(post(urlEqualTo("/api/payments")).willReturn(problem(400, "quote_token_invalid", null, "quote_token")));
        assertTrue(errorOf("initiate_purchase", PURCHASE).startsWith("The quote token is expired or not a valid signed quote"));
        wiremock.register(put(urlEqualTo("/api/quotes/quote-7/payment-link"))
                .willReturn(problem(400, "quote_token_required", null, "quote_token")));
        assertTrue(errorOf("save_quote_for_later", Map.of("quote_id", "quote-7", "user_id", "user-42",
                "customer_email", "alice@example.com")).startsWith("quote_token is required"));
    }

    @Test
    void conflictQuoteAlreadyPaid() {
        String detail = "This quote is already paid: payment pay_01J is completed (policy POL-2026-000123).";
        wiremock.register(post(urlEqualTo("/api/payments")).willReturn(problem(409, "quote_already_paid", detail, null)));
        assertEquals(detail, errorOf("initiate_purchase", PURCHASE));
    }

    @Test
    void conflictInvalidStatusOnCancel() {
        wiremock.register(post(urlEqualTo("/api/payments/pay_01/cancel")).willReturn(problem(409, "invalid_status",
                "Payment pay_01 is completed and cannot be cancelled; use refund_payment instead.", null)));
        assertEquals("Payment pay_01 is completed and cannot be cancelled; use refund_payment instead.",
                errorOf("cancel_payment", Map.of("payment_intent_id", "pay_01")));
    }

    @Test
    void notFound() {
        wiremock.register(get(urlEqualTo("/api/payments/pay_missing")).willReturn(problem(404, "not_found",
                "No payment pay_missing exists.", null)));
        assertEquals("No payment pay_missing exists.", errorOf("check_payment_status", Map.of("payment_intent_id", "pay_missing")));
        // a 4xx is an answer, not an outage: never retried
        wiremock.verifyThat(1, getRequestedFor(urlEqualTo("/api/payments/pay_missing")));
    }

    @Test
    void notFoundWithoutBody() {
        wiremock.register(get(urlEqualTo("/api/quotes/quote-x/payment-link")).willReturn(aResponse().withStatus(404)));
        assertEquals("No such payment or saved quote was found; check the id.",
                errorOf("get_payment_link", Map.of("quote_id", "quote-x")));
    }

    @Test
    void stripeUnavailableBehindCheckout() {
        wiremock.register(post(urlEqualTo("/api/payments")).willReturn(problem(503, "payment_provider_unavailable",
                "Stripe did not answer.", null)));
        assertEquals(ToolErrors.UNAVAILABLE, errorOf("initiate_purchase", PURCHASE));
    }

    @Test
    void checkoutServiceDown() {
        wiremock.register(post(urlEqualTo("/api/payments/pay_02/cancel"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertEquals(ToolErrors.UNAVAILABLE, errorOf("cancel_payment", Map.of("payment_intent_id", "pay_02")));
    }

    @Test
    void proxyErrorPageIsAnOutageToo() {
        wiremock.register(post(urlEqualTo("/api/payments/pay_03/policy"))
                .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>")));
        assertEquals(ToolErrors.UNAVAILABLE, errorOf("complete_purchase", Map.of("payment_intent_id", "pay_03")));
    }

    @Test
    void checkoutServiceTooSlowIsRetriedThenReported() {
        wiremock.register(get(urlPathEqualTo("/api/payments")).willReturn(
                aResponse().withFixedDelay(2500).withHeader("Content-Type", "application/json").withBody("{\"items\": []}")));
        assertEquals(ToolErrors.UNAVAILABLE, errorOf("list_payments", Map.of("user_id", "user-slow")));
        // a read: tried once and retried twice
        wiremock.verifyThat(3, getRequestedFor(urlPathEqualTo("/api/payments")));
    }

    @Test
    void refundUnavailableTellsToRetryWithTheSameRequestId() {
        wiremock.register(get(urlEqualTo("/api/payments/pay_01")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CheckoutStubs.paid("pay_01", 15000))));
        wiremock.register(post(urlEqualTo("/api/payments/pay_01/refunds"))
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertEquals(ToolErrors.REFUND_UNAVAILABLE, errorOf("refund_payment", Map.of("payment_intent_id", "pay_01")));
        // a write is never retried by the gateway
        wiremock.verifyThat(1,
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/payments/pay_01/refunds")));
    }

    @Test
    void refundAboveWhatRemains() {
        wiremock.register(get(urlEqualTo("/api/payments/pay_04")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CheckoutStubs.paid("pay_04", 5000))));
        wiremock.register(post(urlEqualTo("/api/payments/pay_04/refunds")).willReturn(problem(400, "refund_exceeds_remaining",
                null, "amount")));
        assertEquals("The refund amount is more than what remains refundable on this payment.",
                errorOf("refund_payment", Map.of("payment_intent_id", "pay_04", "amount", 999999)));
    }

    @Test
    void wrongServiceTokenIsAnOperatorProblem() {
        wiremock.register(post(urlEqualTo("/api/quotes/quote-7/payment-link/email")).willReturn(problem(401, "unauthorized",
                "Missing or wrong service token.", null)));
        assertTrue(errorOf("send_payment_link", Map.of("quote_id", "quote-7", "customer_email", "a@example.com"))
                .startsWith("The payment service refused this assistant's gateway credentials"));
    }

    @Test
    void mailDown() {
        wiremock.register(post(urlEqualTo("/api/quotes/quote-8/payment-link/email")).willReturn(problem(503, "mail_unavailable",
                null, null)));
        assertEquals("The email could not be sent right now and nothing was recorded as sent; try again in a minute.",
                errorOf("send_payment_link", Map.of("quote_id", "quote-8", "customer_email", "a@example.com")));
    }
}
