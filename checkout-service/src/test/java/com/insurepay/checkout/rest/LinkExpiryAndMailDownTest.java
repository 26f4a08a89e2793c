package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.checkout.support.Sandbox;
import com.insurepay.checkout.support.ShortLinksNoSmtpResource;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Links valid for 3 seconds and an SMTP server that is down. */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(ShortLinksNoSmtpResource.class)
@WithTestResource(StripeSandboxResource.class)
class LinkExpiryAndMailDownTest {

    @Test
    void aLinkReadAfterItsExpiryIsReplacedByAFreshOne() {
        String quote = unique("qexp");
        JsonPath old = api().body(saveForLater("u-e", 15000)).put("/api/quotes/" + quote + "/payment-link")
                .then().statusCode(201).extract().jsonPath();
        awaitExpiry(old);
        JsonPath fresh = api().get("/api/quotes/" + quote + "/payment-link").then().statusCode(200)
                .body("is_active", equalTo(true)).body("payment_status", equalTo("pending")).extract().jsonPath();
        assertNotEquals(old.getString("payment_link_id"), fresh.getString("payment_link_id"));
        assertNotEquals(old.getString("payment_intent_id"), fresh.getString("payment_intent_id"));
        JsonPath oldAtStripe = Sandbox.get("/v1/payment_links/" + old.getString("payment_link_id"));
        assertFalse(oldAtStripe.getBoolean("active"), "the expired link can no longer be paid");
        assertNotNull(oldAtStripe.getString("inactive_message"));
        api().get("/api/payments/" + old.getString("payment_intent_id")).then().body("payment_status", equalTo("expired"));
    }

    @Test
    void reconciliationDeactivatesExpiredLinks() {
        String quote = unique("qexr");
        JsonPath old = api().body(saveForLater("u-r", 15000)).put("/api/quotes/" + quote + "/payment-link")
                .then().statusCode(201).extract().jsonPath();
        awaitExpiry(old);
        JsonPath report = api().post("/api/reconciliation/run").then().statusCode(200).extract().jsonPath();
        assertTrue(report.getInt("links_deactivated") >= 1, report.prettify());
        api().get("/api/payments/" + old.getString("payment_intent_id")).then().body("payment_status", equalTo("expired"));
        assertFalse(Sandbox.get("/v1/payment_links/" + old.getString("payment_link_id")).getBoolean("active"));
    }

    @Test
    void smtpDownIsA503AndNothingIsRecordedAsSent() {
        String quote = unique("qsmtp");
        api().body(saveForLater("u-s", 15000)).put("/api/quotes/" + quote + "/payment-link").then().statusCode(201);
        api().body(Map.of("customer_email", "dave@example.com")).post("/api/quotes/" + quote + "/payment-link/email")
                .then().statusCode(503).contentType("application/problem+json").body("code", equalTo("mail_unavailable"));
        api().get("/api/quotes/" + quote + "/payment-link").then().body("sent_at", nullValue()).body("sent_to", nullValue());
    }

    /** Waits for the link's own expiry instant to pass (the service and the test share the clock), not a fixed time. */
    private static void awaitExpiry(JsonPath link) {
        Instant expiresAt = Instant.parse(link.getString("expires_at"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Instant.now().isAfter(expiresAt.plusMillis(100)));
    }
}
