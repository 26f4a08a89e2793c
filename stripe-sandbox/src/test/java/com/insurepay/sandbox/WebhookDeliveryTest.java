package com.insurepay.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest extends SandboxTestSupport {

    private static final String SECRET = "whsec_test_receiver_secret";

    private HttpServer server;
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    /** A receiver that verifies like webhook-service will: stripe-java's Webhook.constructEvent. */
    private String startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhook/stripe", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            if (failuresLeft.getAndDecrement() > 0) {
                status = 500;
            } else {
                try {
                    received.add(Webhook.constructEvent(body, exchange.getRequestHeaders().getFirst("Stripe-Signature"), SECRET, 300));
                    userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
                    status = 200;
                } catch (Exception e) {
                    status = 400;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/stripe";
        given().formParam("url", url).formParam("secret", SECRET).post("/sandbox/webhook_endpoints").then().statusCode(200);
        return url;
    }

    @AfterEach
    void stopReceiver() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void awaitReceived(Predicate<List<Event>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(received) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(condition.test(received), "events received: " + received.stream().map(Event::getType).toList());
    }

    private static int heldExpiries(JsonPath log) {
        return log.getList("data.findAll { it.event_type == 'checkout.session.expired' && it.outcome == 'held' }").size();
    }

    private static JsonPath awaitDeliveryLog(Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonPath log = given().get("/sandbox/deliveries").then().statusCode(200).extract().jsonPath();
        while (!condition.test(log) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            log = given().get("/sandbox/deliveries").then().statusCode(200).extract().jsonPath();
        }
        assertTrue(condition.test(log), "delivery log: " + log.prettify());
        return log;
    }

    private long count(String type) {
        return received.stream().filter(e -> e.getType().equals(type)).count();
    }

    @Test
    void deliversSignedEventsThatStripeJavaVerifies() throws Exception {
        startReceiver();
        Session session = createSession(12_000, "sgd");
        pay(session.getId(), "4242424242424242");
        awaitReceived(r -> r.stream().anyMatch(e -> e.getType().equals("checkout.session.completed")));
        Event completed = received.stream().filter(e -> e.getType().equals("checkout.session.completed")).findFirst().orElseThrow();
        Session inEvent = (Session) completed.getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals(session.getId(), inEvent.getId());
        assertEquals("pay_123", inEvent.getClientReferenceId());
        assertTrue(userAgents.get(0).startsWith("Stripe/1.0"));
    }

    @Test
    void receiverFailingTwiceGetsTheEventOnTheThirdTry() throws Exception {
        startReceiver();
        failuresLeft.set(2);
        Session session = createSession(1_000, "sgd");
        stripe.v1().checkout().sessions().expire(session.getId());
        awaitReceived(r -> count("checkout.session.expired") == 1);
        // The sandbox records an attempt once the receiver's answer is back, which may be just after the receiver
        // has the event: wait for the third record, not only for the event.
        JsonPath log = awaitDeliveryLog(l -> l.getList("data.findAll { it.event_type == 'checkout.session.expired' }").size() == 3);
        List<Integer> attempts = log.getList("data.findAll { it.event_type == 'checkout.session.expired' }.attempt");
        List<String> outcomes = log.getList("data.findAll { it.event_type == 'checkout.session.expired' }.outcome");
        assertEquals(List.of(1, 2, 3), attempts);
        assertEquals(List.of("retry_scheduled", "retry_scheduled", "delivered"), outcomes);
        assertEquals(500, log.getInt("data[0].status_code"));
    }

    @Test
    void pausedEventsAreHeldAndDeliveredOnResume() throws Exception {
        startReceiver();
        given().post("/sandbox/webhooks/pause").then().statusCode(200);
        Session session = createSession(1_000, "sgd");
        int heldBefore = heldExpiries(given().get("/sandbox/deliveries").then().statusCode(200).extract().jsonPath());
        stripe.v1().checkout().sessions().expire(session.getId());
        // The positive signal that the delivery was due and held back: its "held" record in the delivery log.
        awaitDeliveryLog(l -> heldExpiries(l) == heldBefore + 1);
        assertEquals(0, count("checkout.session.expired"));
        given().post("/sandbox/webhooks/resume").then().statusCode(200);
        awaitReceived(r -> count("checkout.session.expired") == 1);
    }

    @Test
    void resendDeliversADuplicateOnPurpose() throws Exception {
        startReceiver();
        Session session = createSession(1_000, "sgd");
        stripe.v1().checkout().sessions().expire(session.getId());
        awaitReceived(r -> count("checkout.session.expired") == 1);
        String eventId = received.get(0).getId();
        given().post("/sandbox/events/" + eventId + "/resend").then().statusCode(200);
        awaitReceived(r -> count("checkout.session.expired") == 2);
        assertEquals(eventId, received.get(1).getId());
    }

    @Test
    void advancingTheClockExpiresSessionsAndEmitsTheEvent() throws Exception {
        startReceiver();
        Session session = createSession(1_000, "sgd");
        JsonPath clock = given().formParam("seconds", 3601).post("/sandbox/clock/advance").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(session.getId()), clock.getList("expired_sessions"));
        assertEquals(3601, clock.getLong("offset_seconds"));
        awaitReceived(r -> count("checkout.session.expired") == 1);
        assertEquals("expired", stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus());
        given().formParam("card", "4242424242424242").post("/sandbox/checkout/sessions/" + session.getId() + "/pay")
                .then().statusCode(400);
    }
}
