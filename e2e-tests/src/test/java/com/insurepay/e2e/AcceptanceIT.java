package com.insurepay.e2e;

import static com.insurepay.e2e.Journeys.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The journeys of the architecture, end to end, through the MCP gateway with an independent MCP client, a headless
 * browser on the hosted checkout and pages-service, the sandbox as Stripe, GreenMail as the mail server.
 */
@org.junit.jupiter.api.Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcceptanceIT extends McpJourney {

    @Test
    @Order(0)
    void theTenToolsAreListedWithSchemas() {
        McpSchema.ListToolsResult tools = mcp.listTools();
        Set<String> names = tools.tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
        assertEquals(Set.of("initiate_purchase", "check_payment_status", "complete_purchase", "cancel_payment",
                "save_quote_for_later", "send_payment_link", "get_payment_link", "refund_payment", "list_payments",
                "payment_analytics"), names);
        tools.tools().forEach(t -> {
            assertNotNull(t.inputSchema(), t.name() + " input schema");
            assertNotNull(t.outputSchema(), t.name() + " output schema");
        });
    }

    /** 1. Buy now: pay 4242 in the browser, land on the receipt, issue exactly one policy, download its PDF. */
    @Test
    @Order(1)
    void buyNow() throws IOException {
        String user = unique("user");
        JsonNode started = mcp.call("initiate_purchase", purchase(user, unique("quote"), 15000, "alice@example.com"));
        String paymentId = started.path("payment_intent_id").asText();
        String checkoutUrl = started.path("checkout_url").asText();
        assertTrue(paymentId.startsWith("pay_"), started.toString());
        assertEquals("payment_checkout", started.path("widget").path("type").asText(), "the seed's widget object");

        try (Browser browser = new Browser()) {
            browser.open(checkoutUrl);
            assertTrue(browser.text().contains("150.00"), "hosted page shows the amount");
            browser.screenshot("1-buy-now-checkout");
            browser.payOnCheckoutPage(CARD_OK);
            browser.waitForText("150.00", Duration.ofSeconds(30));
            assertTrue(browser.driver.getCurrentUrl().startsWith(Stack.env("PAGES_URL") + "/success"), browser.driver.getCurrentUrl());
            // The redirect may beat the webhook: the page turns into the receipt by itself.
            browser.screenshot("1-buy-now-landed");
            browser.waitForText("Payment received", Duration.ofSeconds(60));
            assertTrue(browser.text().contains(paymentId), "the receipt shows our payment reference");
            browser.screenshot("1-buy-now-receipt");
            var consoleErrors = browser.severeConsoleEntries(); // reading the log drains it: read once
            assertTrue(consoleErrors.isEmpty(), "console errors: " + consoleErrors);
        }

        awaitStatus(mcp, paymentId, "completed", Duration.ofSeconds(30));
        JsonNode policy = mcp.call("complete_purchase", Map.of("payment_intent_id", paymentId));
        String policyNumber = policy.path("policy_number").asText();
        assertTrue(policyNumber.matches("POL-\\d{4}-\\d{6}"), policy.toString());
        JsonNode again = mcp.call("complete_purchase", Map.of("payment_intent_id", paymentId));
        assertEquals(policyNumber, again.path("policy_number").asText(), "complete_purchase is idempotent: same policy");

        HttpResponse<byte[]> pdf = Stack.getBytes(policy.path("policy_document_url").asText());
        assertEquals(200, pdf.statusCode());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(policyNumber), text);
            assertTrue(text.contains("150.00"), text);
        }

        JsonNode listed = mcp.call("list_payments", Map.of("user_id", user));
        assertEquals(paymentId, listed.path("payments").get(0).path("payment_intent_id").asText(), listed.toString());
    }

    /** 2. A declined card shows the decline; the same session then succeeds with 4242. */
    @Test
    @Order(2)
    void declinedThenPaid() {
        JsonNode started = mcp.call("initiate_purchase", purchase(unique("user"), unique("quote"), 8800, "bob@example.com"));
        String paymentId = started.path("payment_intent_id").asText();
        try (Browser browser = new Browser()) {
            browser.open(started.path("checkout_url").asText());
            browser.payOnCheckoutPage(CARD_DECLINED);
            browser.waitForText("declined", Duration.ofSeconds(20));
            browser.screenshot("2-declined");
            JsonNode failed = awaitStatus(mcp, paymentId, "failed", Duration.ofSeconds(30));
            assertTrue(failed.path("failure_reason").asText().toLowerCase().contains("declined"), failed.toString());

            browser.open(started.path("checkout_url").asText());
            browser.payOnCheckoutPage(CARD_OK);
            browser.waitForText("Payment received", Duration.ofSeconds(60));
            browser.screenshot("2-declined-then-paid");
        }
        awaitStatus(mcp, paymentId, "completed", Duration.ofSeconds(30));
    }

    /** 3. Pay later: a link by e-mail, paid through the link; after expiry a fresh link. */
    @Test
    @Order(3)
    void payLater() {
        String quote = unique("quote");
        String email = unique("carol") + "@example.com";
        JsonNode saved = mcp.call("save_quote_for_later", quoted(unique("user"), quote, 9900, "Travel Insurance - Silver", email));
        String linkUrl = saved.path("payment_link_url").asText();
        String paymentId = saved.path("payment_intent_id").asText();
        assertFalse(linkUrl.isBlank(), saved.toString());

        JsonNode sent = mcp.call("send_payment_link", Map.of("quote_id", quote, "customer_email", email, "customer_name", "Carol"));
        assertEquals(email, sent.path("email_sent_to").asText(), sent.toString());
        JsonNode inbox = Stack.mailbox(email);
        assertEquals(1, inbox.size(), "one e-mail arrived");
        assertTrue(inbox.get(0).path("mimeMessage").asText().contains(linkUrl.replace("=", "=3D").substring(0, 20))
                || inbox.get(0).path("mimeMessage").asText().contains(linkUrl), "the e-mail carries the link");

        try (Browser browser = new Browser()) {
            browser.open(linkUrl);
            browser.payOnCheckoutPage(CARD_OK);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().startsWith(Stack.env("PAGES_URL") + "/success"));
            browser.screenshot("3-pay-later-paid");
        }
        awaitStatus(mcp, paymentId, "completed", Duration.ofSeconds(30));

        // A second quote, left unpaid past the link's validity (40 s in this suite's stack instead of 7 days):
        // get_payment_link then deactivates the old link at Stripe and gives a fresh one.
        String quote2 = unique("quote");
        JsonNode saved2 = mcp.call("save_quote_for_later", quoted(unique("user"), quote2, 9900, "Travel Insurance - Silver", email));
        JsonNode same = mcp.call("get_payment_link", Map.of("quote_id", quote2));
        assertEquals(saved2.path("payment_link_url").asText(), same.path("payment_link_url").asText(), "live link returned again");
        assertTrue(same.path("is_active").asBoolean());
        java.time.Instant expiry = java.time.Instant.parse(saved2.path("expires_at").asText());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90))
                .until(() -> java.time.Instant.now().isAfter(expiry.plusSeconds(1)));
        JsonNode fresh = mcp.call("get_payment_link", Map.of("quote_id", quote2));
        assertNotEquals(saved2.path("payment_link_url").asText(), fresh.path("payment_link_url").asText(), fresh.toString());
        assertTrue(fresh.path("is_active").asBoolean());
        JsonNode oldLink = Stack.stripeApi("/v1/payment_links/" + saved2.path("payment_link_id").asText());
        assertFalse(oldLink.path("active").asBoolean(), "the expired link was deactivated at Stripe");
    }

    /** 4. Cancel a pending payment: the session is expired at Stripe; paying is no longer possible. */
    @Test
    @Order(4)
    void cancelPending() {
        JsonNode started = mcp.call("initiate_purchase", purchase(unique("user"), unique("quote"), 5000, null));
        String paymentId = started.path("payment_intent_id").asText();
        JsonNode cancelled = mcp.call("cancel_payment", Map.of("payment_intent_id", paymentId, "reason", "customer changed their mind"));
        assertEquals("cancelled", cancelled.path("payment_status").asText(), cancelled.toString());
        JsonNode session = Stack.stripeApi("/v1/checkout/sessions/" + started.path("session_id").asText());
        assertEquals("expired", session.path("status").asText());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Stack.payWithCard(started.path("session_id").asText(), CARD_OK));
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
        String error = mcp.callExpectingError("cancel_payment", Map.of("payment_intent_id", paymentId));
        assertTrue(error.toLowerCase().contains("cancelled"), error);
    }

    /** 5. Refund half, then the rest; a third refund is refused with a clear tool error. */
    @Test
    @Order(5)
    void refundHalfThenTheRest() {
        JsonNode started = mcp.call("initiate_purchase", purchase(unique("user"), unique("quote"), 20000, "dave@example.com"));
        String paymentId = started.path("payment_intent_id").asText();
        Stack.payWithCard(started.path("session_id").asText(), CARD_OK);
        awaitStatus(mcp, paymentId, "completed", Duration.ofSeconds(30));

        JsonNode half = mcp.call("refund_payment",
                Map.of("payment_intent_id", paymentId, "amount", 10000, "reason", "requested_by_customer"));
        assertEquals("partially_refunded", half.path("payment_status").asText(), half.toString());
        assertEquals(10000, half.path("refunded_amount").asLong());
        JsonNode rest = mcp.call("refund_payment", Map.of("payment_intent_id", paymentId));
        assertEquals("refunded", rest.path("payment_status").asText(), rest.toString());
        assertEquals(20000, rest.path("refunded_amount").asLong());
        String error = mcp.callExpectingError("refund_payment", Map.of("payment_intent_id", paymentId, "amount", 100));
        assertTrue(error.toLowerCase().contains("refund"), error);
        awaitStatus(mcp, paymentId, "refunded", Duration.ofSeconds(30));
    }

    /** Errors a model can act on. */
    @Test
    @Order(6)
    void businessErrorsAreToolErrorsWithASentence() {
        String tooSmall = mcp.callExpectingError("initiate_purchase", purchase("u", unique("quote"), 10, null));
        assertTrue(tooSmall.contains("at least 50"), tooSmall);
        String unknown = mcp.callExpectingError("check_payment_status", Map.of("payment_intent_id", "pay_01JD000000000000000000000X"));
        assertTrue(unknown.toLowerCase().contains("not found") || unknown.toLowerCase().contains("no payment"), unknown);
    }
}
