package com.insurepay.e2e;

import static com.insurepay.e2e.Journeys.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, money integrity, end to end through MCP: money that is not a payment's own never moves it, and money
 * that arrives after a payment was closed is given back exactly once.
 */
@Order(2)
class MoneyIntegrityIT extends McpJourney {

    private static final Duration WEBHOOK = Duration.ofSeconds(30);

    /**
     * 8. The attack: the customer pays A's cheap Payment Link (SGD 5.00) with {@code client_reference_id} set to B's
     * SGD 900.00 purchase. Only A is paid; B stays pending, shows the refused attempt and gets no policy.
     */
    @Test
    void aCheapLinkPaidInTheNameOfAnExpensivePurchasePaysOnlyTheCheapOne() {
        JsonNode cheap = mcp.call("save_quote_for_later", quoted(unique("user-a"), unique("quote"), 500, "Travel Insurance - Basic",
                unique("alice") + "@example.com"));
        String cheapId = cheap.path("payment_intent_id").asText();
        JsonNode expensive = mcp.call("initiate_purchase",
                purchase(unique("user-b"), unique("quote"), 90000, unique("bob") + "@example.com"));
        String expensiveId = expensive.path("payment_intent_id").asText();
        String expensiveSession = expensive.path("session_id").asText();

        // The customer edits A's link URL, as anyone can, to name B's payment.
        URI checkoutPage = Stack.redirectOf(cheap.path("payment_link_url").asText() + "?client_reference_id=" + expensiveId);
        String sessionId = checkoutPage.getPath().substring(checkoutPage.getPath().lastIndexOf('/') + 1);
        JsonNode session = Stack.stripeApi("/v1/checkout/sessions/" + sessionId);
        assertEquals(expensiveId, session.path("client_reference_id").asText(), "the forged reference reached Stripe");
        assertEquals(cheap.path("payment_link_id").asText(), session.path("payment_link").asText());
        assertEquals(500, session.path("amount_total").asLong());

        JsonNode paid = Stack.payWithCard(sessionId, CARD_OK);
        assertEquals("succeeded", paid.path("outcome").asText(), paid.toString());
        String stripePaymentIntent = paid.path("payment_intent").path("id").asText();
        // Delivered = answered 2xx by webhook-service, which answers once the event's effect is written.
        Stack.awaitDelivered("checkout.session.completed", sessionId, WEBHOOK);

        JsonNode a = status(mcp, cheapId);
        assertEquals("completed", a.path("payment_status").asText(), a.toString());
        assertEquals(sessionId, a.path("stripe_session_id").asText(), "the link's session is A's money");
        assertEquals(stripePaymentIntent, a.path("stripe_payment_intent").asText());

        JsonNode b = status(mcp, expensiveId);
        assertEquals("pending", b.path("payment_status").asText(), b.toString());
        assertEquals(expensiveSession, b.path("stripe_session_id").asText(), "B keeps its own checkout");
        assertNotEquals(stripePaymentIntent, b.path("stripe_payment_intent").asText(), "A's PaymentIntent is not attached to B");
        List<JsonNode> refused = new ArrayList<>();
        for (JsonNode h : b.path("history")) {
            if (h.path("applied").asBoolean()) {
                assertEquals("pending", h.path("to").asText(), "nothing but B's own creation applied: " + b.path("history"));
            } else {
                refused.add(h);
            }
        }
        // The attempt is kept on the payment it named, for an operator, without changing it.
        assertEquals(1, refused.size(), b.path("history").toString());
        assertEquals("stripe", refused.get(0).path("actor").asText(), refused.get(0).toString());
        assertTrue(refused.get(0).path("detail").asText().contains("checkout.session.completed"), refused.get(0).toString());

        String error = mcp.callExpectingError("complete_purchase", Map.of("payment_intent_id", expensiveId));
        assertTrue(error.contains("pending"), error);
    }

    /**
     * 9. Paid after close: a delayed (bank-debit-like) payment is accepted but unsettled, the purchase is cancelled,
     * then the money settles. It becomes paid_after_close, is refunded in full exactly once, and the customer is told.
     */
    @Test
    void moneySettlingAfterCancelIsRefundedInFullExactlyOnce() {
        String email = unique("erin") + "@example.com";
        JsonNode started = mcp.call("initiate_purchase", purchase(unique("user"), unique("quote"), 25000, email));
        String paymentId = started.path("payment_intent_id").asText();
        String sessionId = started.path("session_id").asText();

        JsonNode accepted = Stack.sandboxPost("/sandbox/checkout/sessions/" + sessionId + "/pay",
                Map.of("card", CARD_OK, "settlement", "delayed"));
        assertEquals("processing", accepted.path("outcome").asText(), accepted.toString());
        String stripePaymentIntent = accepted.path("payment_intent").path("id").asText();
        JsonNode completedUnpaid = Stack.awaitDelivered("checkout.session.completed", sessionId, WEBHOOK);
        assertEquals("unpaid", completedUnpaid.path("data").path("object").path("payment_status").asText());

        // A completed but unpaid session brings no money: the payment stays open, so it can still be cancelled.
        JsonNode awaiting = status(mcp, paymentId);
        assertEquals("pending", awaiting.path("payment_status").asText(), awaiting.toString());
        assertEquals(stripePaymentIntent, awaiting.path("stripe_payment_intent").asText(), "its PaymentIntent is recorded");
        JsonNode cancelled = mcp.call("cancel_payment", Map.of("payment_intent_id", paymentId, "reason", "customer changed their mind"));
        assertEquals("cancelled", cancelled.path("payment_status").asText(), cancelled.toString());

        JsonNode settled = Stack.sandboxPost("/sandbox/payment_intents/" + stripePaymentIntent + "/settle", Map.of("result", "succeeded"));
        String chargeId = settled.path("charge").path("id").asText();
        assertEquals(25000, settled.path("charge").path("amount").asLong(), settled.toString());
        awaitStatus(mcp, paymentId, "paid_after_close", WEBHOOK);

        // LateMoneyService runs with reconciliation (every hour in this suite's stack): run it as an operator would,
        // twice, as two replicas or two ticks would. Only one refund may come of it.
        Stack.checkout("POST", "/api/reconciliation/run");
        Stack.checkout("POST", "/api/reconciliation/run");
        JsonNode refunded = awaitStatus(mcp, paymentId, "refunded", WEBHOOK);
        assertEquals(25000, refunded.path("refunded_amount").asLong(), refunded.toString());
        assertNull(refunded.get("policy_number"), "no policy for money given back");

        JsonNode charge = Stack.stripeApi("/v1/charges/" + chargeId);
        assertEquals(25000, charge.path("amount_refunded").asLong(), charge.toString());
        assertTrue(charge.path("refunded").asBoolean());
        assertEquals(1, refundsOf(chargeId), "exactly one refund at Stripe");

        // The customer is told; mailing happens in the same run as the refund.
        Awaitility.await("refund notice to " + email).atMost(WEBHOOK).pollInterval(Duration.ofMillis(500))
                .until(() -> lateRefundNotices(email) > 0);
        assertEquals(1, lateRefundNotices(email), "one notice for one refund");

        String error = mcp.callExpectingError("complete_purchase", Map.of("payment_intent_id", paymentId));
        assertTrue(error.contains("refunded"), error);
    }

    /** refund.created events of one charge: each refund Stripe made. */
    private static int refundsOf(String chargeId) {
        int n = 0;
        for (JsonNode e : Stack.stripeApi("/v1/events?limit=100&type=refund.created").path("data")) {
            n += chargeId.equals(e.path("data").path("object").path("charge").asText()) ? 1 : 0;
        }
        return n;
    }

    /** Messages in the customer's GreenMail inbox saying the late money was given back. */
    private static int lateRefundNotices(String email) {
        int n = 0;
        for (JsonNode message : Stack.mailbox(email)) {
            // Quoted-printable wraps long lines with a soft break ("=" at the end of a line): undo it before reading.
            String mime = message.path("mimeMessage").asText().replaceAll("=\r?\n", "");
            n += mime.contains("nothing was charged in the end") ? 1 : 0;
        }
        return n;
    }
}
