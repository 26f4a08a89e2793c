package com.insurepay.webhook.rest;

import static com.insurepay.webhook.support.Deliveries.PATH;
import static com.insurepay.webhook.support.Deliveries.awaitRecord;
import static com.insurepay.webhook.support.Deliveries.deliver;
import static com.insurepay.webhook.support.Deliveries.outcomeOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.DeliveryRecord;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import com.insurepay.webhook.support.StripeSigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The HTTP contract: who may deliver, what is accepted, what is answered and recorded. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class StripeWebhookEndpointTest {

    @Inject
    PaymentSeeder seeder;

    @Inject
    DeliveryLog deliveryLog;

    private String completedEventFor(Seeded p) {
        return StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.session(p, "paid"));
    }

    @Test
    void aSignedEventIsAppliedAndLoggedWithItsOutcome() {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String body = completedEventFor(p);
        String eventId = com.google.gson.JsonParser.parseString(body).getAsJsonObject().get("id").getAsString();
        deliver(body).statusCode(200).body("received", equalTo(true)).body("event_id", equalTo(eventId))
                .body("outcome", equalTo("applied"));
        assertEquals(PaymentStatus.COMPLETED, seeder.find(p.paymentId()).status());
        DeliveryRecord record = awaitRecord(deliveryLog, eventId);
        assertEquals("checkout.session.completed", record.type());
        assertEquals(p.sessionId(), record.stripeObjectId());
        assertEquals(p.paymentId(), record.paymentId());
        assertEquals("applied", record.outcome());
        assertNotNull(record.receivedAt());
        // webhook.event-record-ttl = 30d
        long ttlDays = Duration.between(record.receivedAt(), record.expiresAt()).toDays();
        assertTrue(ttlDays >= 29 && ttlDays <= 30, "TTL about 30 days, was " + ttlDays);
    }

    @Test
    void aSequentialDuplicateIsAnsweredOkAndNotAppliedAgain() {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String body = completedEventFor(p);
        assertEquals("applied", outcomeOf(body));
        long version = seeder.find(p.paymentId()).version();
        assertEquals("duplicate", outcomeOf(body));
        // Stripe re-signs a retry with a new timestamp: still the same event.
        assertEquals("duplicate", deliver(body, StripeSigner.header(body, StripeSigner.ROTATED_SECRET,
                Instant.now().getEpochSecond() + 1)).statusCode(200).extract().path("outcome"));
        assertEquals(version, seeder.find(p.paymentId()).version());
        assertEquals(2, seeder.history(p.paymentId()).size(), "created + one applied completion");
    }

    @Test
    void aTamperedBodyIsRejectedWithAGenericAnswer() {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String body = completedEventFor(p);
        String header = StripeSigner.header(body, StripeSigner.PRIMARY_SECRET);
        String tampered = body.replace("\"paid\"", "\"unpaid\"");
        deliver(tampered, header).statusCode(400).body("error", equalTo("bad_request"))
                .body(not(containsString("signature")));
        assertEquals(PaymentStatus.PENDING, seeder.find(p.paymentId()).status());
    }

    @Test
    void aWrongSecretIsRejected() {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String body = completedEventFor(p);
        deliver(body, StripeSigner.header(body, "whsec_somebody_else")).statusCode(400).body("error", equalTo("bad_request"));
        assertEquals(PaymentStatus.PENDING, seeder.find(p.paymentId()).status());
    }

    @Test
    void aStaleTimestampIsRejectedEvenWithTheRightSecret() {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String body = completedEventFor(p);
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
        deliver(body, StripeSigner.header(body, StripeSigner.PRIMARY_SECRET, sixMinutesAgo)).statusCode(400)
                .body("error", equalTo("bad_request"));
        long fourMinutesAgo = Instant.now().minusSeconds(240).getEpochSecond();
        deliver(body, StripeSigner.header(body, StripeSigner.PRIMARY_SECRET, fourMinutesAgo)).statusCode(200)
                .body("outcome", equalTo("applied"));
    }

    @Test
    void aMissingOrMalformedSignatureHeaderIsRejected() {
        String body = completedEventFor(seeder.checkout(PaymentStatus.PENDING));
        given().contentType("application/json").body(body).post(PATH).then().statusCode(400).body("error", equalTo("bad_request"));
        deliver(body, "").statusCode(400);
        deliver(body, "v1=abc").statusCode(400);
        deliver(body, "t=notanumber,v1=abc").statusCode(400);
    }

    @Test
    void bothSecretsAreAcceptedDuringARotation() {
        Seeded a = seeder.checkout(PaymentStatus.PENDING);
        Seeded b = seeder.checkout(PaymentStatus.PENDING);
        Seeded c = seeder.checkout(PaymentStatus.PENDING);
        String signedWithOld = completedEventFor(a);
        deliver(signedWithOld, StripeSigner.header(signedWithOld, StripeSigner.PRIMARY_SECRET)).statusCode(200)
                .body("outcome", equalTo("applied"));
        String signedWithNew = completedEventFor(b);
        deliver(signedWithNew, StripeSigner.header(signedWithNew, StripeSigner.ROTATED_SECRET)).statusCode(200)
                .body("outcome", equalTo("applied"));
        // What Stripe sends while both secrets are active: one v1 per secret (one of them unknown to us here).
        String signedWithBoth = completedEventFor(c);
        deliver(signedWithBoth, StripeSigner.headerForAll(signedWithBoth, Instant.now().getEpochSecond(),
                "whsec_retired_long_ago", StripeSigner.ROTATED_SECRET)).statusCode(200).body("outcome", equalTo("applied"));
    }

    @Test
    void anEventUnderAnOlderApiVersionIsProcessed() {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String body = StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.session(p, "paid"), "2024-06-20");
        assertEquals("applied", outcomeOf(body));
        assertEquals(PaymentStatus.COMPLETED, seeder.find(p.paymentId()).status());
        Seeded basil = seeder.checkout(PaymentStatus.COMPLETED);
        String refund = StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.refundedCharge(basil, basil.amount()), "2025-03-31.basil");
        assertEquals("applied", outcomeOf(refund));
        assertEquals(PaymentStatus.REFUNDED, seeder.find(basil.paymentId()).status());
    }

    @Test
    void anEventWithANullApiVersionIsProcessed() {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String body = StripeEvents.event(StripeEvents.newEventId(), "payment_intent.payment_failed",
                StripeEvents.failedPaymentIntent(p, "Your card has insufficient funds."), null);
        assertEquals("applied", outcomeOf(body));
        assertEquals("Your card has insufficient funds.", seeder.find(p.paymentId()).failureReason());
    }

    @Test
    void anEventForAPaymentThatIsNotOursIsAcknowledgedIgnoredAndLogged() {
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "checkout.session.completed",
                StripeEvents.session("cs_test_foreign", "order-4711", null, "paid", "pi_foreign", null, 15000, "sgd"));
        assertEquals("ignored", outcomeOf(body));
        DeliveryRecord record = awaitRecord(deliveryLog, eventId);
        assertEquals("ignored", record.outcome());
        assertEquals("cs_test_foreign", record.stripeObjectId());
        assertEquals(null, record.paymentId());
        // No payment of ours holds its de-duplication mark: a redelivery is simply ignored again.
        assertEquals("ignored", outcomeOf(body));
    }

    @Test
    void anUnknownEventTypeIsAcknowledgedAndIgnored() {
        // Shaped like Stripe's published event fixture: a plan.created event with api_version null.
        com.google.gson.JsonObject plan = new com.google.gson.JsonObject();
        plan.addProperty("id", "price_1PgafmB7WZ01zgkW6dKueIc5");
        plan.addProperty("object", "plan");
        plan.addProperty("amount", 2000);
        plan.add("metadata", new com.google.gson.JsonObject());
        String eventId = StripeEvents.newEventId();
        assertEquals("ignored", outcomeOf(StripeEvents.event(eventId, "plan.created", plan, null)));
        DeliveryRecord record = awaitRecord(deliveryLog, eventId);
        assertEquals("plan.created", record.type());
        assertEquals("ignored", record.outcome());
    }

    @Test
    void aBodyThatIsSignedButNotAnEventIsRejected() {
        String body = "{\"hello\":\"world\"}";
        deliver(body).statusCode(400).body("error", equalTo("bad_request"));
        String notJson = "this is not json";
        deliver(notJson).statusCode(400);
    }

    @Test
    void anOversizedBodyIs413() {
        String padding = "x".repeat(600 * 1024);
        String body = "{\"id\":\"evt_big\",\"type\":\"charge.refunded\",\"padding\":\"" + padding + "\"}";
        deliver(body).statusCode(413).body("error", equalTo("payload_too_large"));
    }

    @Test
    void aNonJsonContentTypeIs415() {
        String body = completedEventFor(seeder.checkout(PaymentStatus.PENDING));
        given().contentType("text/plain").header("Stripe-Signature", StripeSigner.header(body, StripeSigner.PRIMARY_SECRET))
                .body(body).post(PATH).then().statusCode(415).body("error", equalTo("unsupported_media_type"));
        given().contentType("application/x-www-form-urlencoded").formParam("a", "b").post(PATH).then().statusCode(415);
    }

    @Test
    void otherMethodsAre405() {
        given().get(PATH).then().statusCode(405);
        given().contentType("application/json").body("{}").put(PATH).then().statusCode(405);
        given().delete(PATH).then().statusCode(405);
    }

    @Test
    void metricsCountDeliveriesSignatureFailuresAndProcessingTime() {
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String body = completedEventFor(p);
        deliver(body, StripeSigner.header(body, "whsec_wrong")).statusCode(400);
        deliver(body).statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("webhook_deliveries_total{outcome=\"applied\",type=\"checkout.session.completed\"}"), metrics);
        assertTrue(metrics.contains("webhook_deliveries_total{outcome=\"rejected\",type=\"unverified\"}"));
        assertTrue(metrics.contains("webhook_signature_failures_total{reason=\"signature_mismatch\"}"));
        assertTrue(metrics.contains("webhook_processing_seconds_bucket{outcome=\"applied\""));
        assertFalse(metrics.contains("alice@example.com"));
    }

    @Test
    void healthIsUpWithTheTable() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", org.hamcrest.Matchers.hasItem("payments-table"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheEndpoint() {
        io.restassured.RestAssured.given().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/webhook/stripe"))
                .body(org.hamcrest.Matchers.containsString("Stripe webhook deliveries"));
    }
}
