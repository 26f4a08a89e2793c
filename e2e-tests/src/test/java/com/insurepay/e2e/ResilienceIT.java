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
     * sandbox retries like Stripe, and every payment ends completed with exactly one applied completion.
     */
    @Test
    void twoHundredPurchasesSurviveAWebhookServiceCrash() throws Exception {
        int purchases = 200;
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
                    JsonNode p = mcp.call("initiate_purchase", purchase(unique("storm-user"), unique("storm-quote"), 5010, null));
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
