package com.insurepay.e2e;

import static com.insurepay.e2e.Journeys.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Lost webhooks and a service killed under load: the payments still end right, exactly once. */
@Order(3)
class ResilienceIT {

    /** 6. Missed webhook: delivery paused, the customer pays, reconciliation completes the payment anyway. */
    @Test
    void reconciliationFixesAPaymentWhoseWebhookNeverCame() throws Exception {
        try (Mcp mcp = new Mcp()) {
            JsonNode started = mcp.call("initiate_purchase", purchase(unique("user"), unique("quote"), 12000, null));
            String paymentId = started.path("payment_intent_id").asText();
            Stack.sandboxPost("/sandbox/webhooks/pause", Map.of());
            try {
                Stack.payWithCard(started.path("session_id").asText(), CARD_OK);
                Thread.sleep(6000); // older than the suite's reconciliation.min-age (5 s)
                assertEquals("pending", status(mcp, paymentId).path("payment_status").asText(), "no webhook came");
                JsonNode report = Stack.checkout("POST", "/api/reconciliation/run");
                assertTrue(report.toString().contains(paymentId), report.toString());
                assertEquals("completed", status(mcp, paymentId).path("payment_status").asText());
            } finally {
                Stack.sandboxPost("/sandbox/webhooks/resume", Map.of());
            }
        }
    }

    /**
     * 7. Storm and faults: 200 purchases paid concurrently while webhook-service is killed and restarted once; the
     * sandbox retries like Stripe, and every payment ends completed with exactly one applied completion. Then
     * payment_analytics, through MCP, counts exactly those 200 payments (a product only this test sells, so the other
     * journeys sharing the stack and the tenant do not count), and another tenant's token sees none of them.
     */
    @Test
    void twoHundredPurchasesSurviveAWebhookServiceCrash() throws Exception {
        int purchases = 200;
        long amount = 5010;
        String product = unique("Storm Cover");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> started = new ArrayList<>();
        List<Mcp> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(new Mcp());
        }
        try {
            java.util.concurrent.CountDownLatch thirdDone = new java.util.concurrent.CountDownLatch(purchases / 3);
            for (int i = 0; i < purchases; i++) {
                Mcp mcp = clients.get(i % clients.size());
                started.add(pool.submit(() -> {
                    JsonNode p = mcp.call("initiate_purchase",
                            quoted(unique("storm-user"), unique("storm-quote"), amount, product, null));
                    Stack.payWithCard(p.path("session_id").asText(), CARD_OK);
                    thirdDone.countDown();
                    return p.path("payment_intent_id").asText();
                }));
            }
            // Kill webhook-service once a third of the customers have paid (like a crashed pod), mid-storm.
            if (!thirdDone.await(3, TimeUnit.MINUTES)) {
                // Say why: the first purchase that failed (a refused tool call, a sandbox error), else just slow.
                String cause = started.stream().filter(Future::isDone).map(ResilienceIT::failureOf).filter(java.util.Objects::nonNull)
                        .findFirst().orElse("none failed: too slow");
                fail("a third of the purchases did not finish in time; first failure: " + cause);
            }
            long killed = Stack.pidOf("webhook-service");
            ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
            List<String> ids = new ArrayList<>();
            for (Future<String> f : started) {
                ids.add(f.get(5, TimeUnit.MINUTES));
            }
            Stack.stack("up"); // restarts only what is not running: webhook-service
            assertNotEquals(killed, Stack.pidOf("webhook-service"), "webhook-service was restarted");
            Mcp mcp = clients.get(0);
            Awaitility.await("all storm payments completed").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> ids.stream().allMatch(id -> "completed".equals(status(mcp, id).path("payment_status").asText())));
            JsonNode deliveries = Stack.sandboxGet("/sandbox/deliveries");
            boolean retried = false;
            for (JsonNode d : deliveries.path("data")) {
                retried |= d.path("attempt").asInt() > 1 && "delivered".equals(d.path("outcome").asText());
            }
            assertTrue(retried, "some events were delivered only on a retry, after the crash");
            for (String id : ids) {
                JsonNode payment = Stack.checkout("GET", "/api/payments/" + id);
                long appliedCompletions = 0;
                for (JsonNode h : payment.path("history")) {
                    if (h.path("applied").asBoolean() && "completed".equals(h.path("to").asText())) {
                        appliedCompletions++;
                    }
                }
                assertEquals(1, appliedCompletions, "exactly one applied completion for " + id + ": " + payment.path("history"));
            }
            // The analytics: counted by the rollup within seconds, exactly once each despite the crash and retries.
            Map<String, Object> args = Map.of("product_name", product);
            JsonNode a = Awaitility.await("the storm counted in payment_analytics").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> mcp.call("payment_analytics", args),
                            r -> r.path("totals").path("completed").asLong() == purchases && r.path("rollup_backlog").asLong() == 0);
            JsonNode totals = a.path("totals");
            assertEquals(purchases, totals.path("started").asLong(), a.toString());
            assertEquals(purchases, totals.path("started_buy_now").asLong(), a.toString());
            assertEquals(0, totals.path("started_pay_later").asLong(), a.toString());
            for (String none : List.of("pending", "failed", "expired", "cancelled", "paid_after_close", "refunds", "disputes")) {
                assertEquals(0, totals.path(none).asLong(), none + ": " + a);
            }
            assertEquals("1.0000", a.path("conversion").path("overall").decimalValue().setScale(4).toPlainString());
            assertEquals(1, a.path("revenue").size(), a.toString());
            JsonNode sgd = a.path("revenue").get(0);
            assertEquals("SGD", sgd.path("currency").asText());
            assertEquals(purchases * amount, sgd.path("gross").asLong());
            assertEquals(0, sgd.path("refunded").asLong());
            assertEquals("SGD 10,020.00", sgd.path("net_display").asText());
            assertEquals(purchases, a.path("time_to_pay").path("paid_payments").asLong());
            long perDay = 0;
            for (JsonNode day : a.path("days")) {
                perDay += day.path("completed").asLong();
            }
            assertEquals(purchases, perDay, "the daily series adds up: " + a.path("days"));
            try (Mcp other = new Mcp(Stack.createToken(unique("analytics-other"), "analytics-other", "read"))) {
                assertEquals(0, other.call("payment_analytics", args).path("totals").path("started").asLong(),
                        "another insurer's token sees none of them");
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(Mcp::close);
        }
    }

    private static String failureOf(Future<String> f) {
        try {
            f.get();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
