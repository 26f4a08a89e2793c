package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.checkout.service.ReconciliationService;
import com.insurepay.checkout.support.Sandbox;
import com.insurepay.checkout.support.ShortLinksNoSmtpResource;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.store.PaymentEmails;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Links valid for 3 seconds and an SMTP server that is down. */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(ShortLinksNoSmtpResource.class)
@WithTestResource(StripeSandboxResource.class)
class LinkExpiryAndMailDownTest {

    @Inject
    ReconciliationService reconciliation;

    @Inject
    PaymentEmails emails;

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
        JsonPath link = api().get("/api/quotes/" + quote + "/payment-link").then().body("sent_at", nullValue())
                .body("sent_to", nullValue()).extract().jsonPath();
        List<EmailRecord> recorded = emails.emailsOf(link.getString("payment_intent_id"));
        assertEquals(1, recorded.size(), recorded.toString());
        assertEquals(EmailRecord.Kind.PAYMENT_LINK, recorded.get(0).kind());
        assertEquals(EmailRecord.Outcome.FAILED, recorded.get(0).outcome(), "the attempt is on the payment, as failed");
    }

    @Test
    void withSmtpDownThePolicyStandsAndItsConfirmationIsRecordedAsFailed() {
        Response created = api().body(purchase(unique("qpoldown"), 15000)).post("/api/payments");
        created.then().statusCode(201);
        String id = created.path("payment_intent_id");
        Sandbox.pay(created.path("session_id"), "4242424242424242");
        assertEquals("completed", reconciliation.reconcileNow(id).orElseThrow().to());

        String policyId = api().post("/api/payments/" + id + "/policy").then().statusCode(201)
                .body("confirmation_email_sent", equalTo(false)).body("policy_status", equalTo("active")).extract().path("policy_id");
        api().get("/api/payments/" + id + "/policy").then().statusCode(200).body("policy_id", equalTo(policyId));
        api().get("/api/payments/" + id).then().body("policy_id", equalTo(policyId));

        List<EmailRecord> recorded = emails.emailsOf(id);
        assertEquals(1, recorded.size(), recorded.toString());
        assertEquals(EmailRecord.Kind.POLICY_CONFIRMATION, recorded.get(0).kind());
        assertEquals(EmailRecord.Outcome.FAILED, recorded.get(0).outcome());
        assertEquals("api", recorded.get(0).actor());
    }

    /** Waits for the link's own expiry instant to pass (the service and the test share the clock), not a fixed time. */
    private static void awaitExpiry(JsonPath link) {
        Instant expiresAt = Instant.parse(link.getString("expires_at"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Instant.now().isAfter(expiresAt.plusMillis(100)));
    }
}
