package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.insurepay.checkout.service.ReconciliationService;
import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.Sandbox;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.store.PaymentEmails;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pay later against the real stripe-sandbox, dynamodb-sandbox and GreenMail. */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
class PaymentLinkApiTest {

    @Inject
    ReconciliationService reconciliation;

    @Inject
    PaymentEmails emails;

    @Test
    void saveForLaterMakesASingleUsePaymentLinkValidSevenDays() {
        String quote = unique("qs");
        JsonPath link = api().body(saveForLater("u-1", 15000)).put("/api/quotes/" + quote + "/payment-link")
                .then().statusCode(201)
                .body("quote_id", equalTo(quote)).body("payment_link_id", startsWith("plink_"))
                .body("payment_link_url", startsWith(StripeSandboxResource.baseUrl() + "/b/"))
                .body("payment_intent_id", startsWith("pay_")).body("is_active", equalTo(true))
                .body("payment_status", equalTo("pending")).body("amount_display", equalTo("SGD 150.00"))
                .body("sent_at", nullValue())
                .extract().jsonPath();
        Duration validity = Duration.between(Instant.now(), Instant.parse(link.getString("expires_at")));
        assertTrue(validity.compareTo(Duration.ofDays(7).minusMinutes(1)) > 0 && validity.compareTo(Duration.ofDays(7)) <= 0);

        JsonPath atStripe = Sandbox.get("/v1/payment_links/" + link.getString("payment_link_id"));
        assertEquals(1, atStripe.getInt("restrictions.completed_sessions.limit"));
        assertEquals("redirect", atStripe.getString("after_completion.type"));
        assertEquals("http://localhost:8085/success?session_id={CHECKOUT_SESSION_ID}", atStripe.getString("after_completion.redirect.url"));
        assertEquals(link.getString("payment_intent_id"), atStripe.getString("metadata.payment_intent_id"));

        // Saving again, and reading, return the same live link.
        api().body(saveForLater("u-1", 15000)).put("/api/quotes/" + quote + "/payment-link").then().statusCode(200)
                .body("payment_link_id", equalTo(link.getString("payment_link_id")));
        api().get("/api/quotes/" + quote + "/payment-link").then().statusCode(200)
                .body("payment_link_id", equalTo(link.getString("payment_link_id"))).body("is_active", equalTo(true));
        api().get("/api/payments/" + link.getString("payment_intent_id")).then().statusCode(200)
                .body("kind", equalTo("payment_link")).body("payment_link_id", equalTo(link.getString("payment_link_id")));
    }

    @Test
    void savingForLaterClosesTheQuotesUnpaidCheckout() {
        String quote = unique("qlater");
        Response checkout = api().body(purchase(quote, 15000)).post("/api/payments");
        checkout.then().statusCode(201);
        api().body(saveForLater("u-4", 15000)).put("/api/quotes/" + quote + "/payment-link").then().statusCode(201);
        api().get("/api/payments/" + checkout.path("payment_intent_id")).then()
                .body("payment_status", equalTo("cancelled")).body("history[-1].detail", containsString("payment link"));
        assertEquals("expired", Sandbox.get("/v1/checkout/sessions/" + checkout.path("session_id")).getString("status"));
    }

    @Test
    void unknownQuoteIs404AndBadInputIs400() {
        api().get("/api/quotes/" + unique("never") + "/payment-link").then().statusCode(404).body("code", equalTo("not_found"));
        api().body(PaymentApiTest.with(saveForLater("u", 15000), "customer_email", "nope"))
                .put("/api/quotes/" + unique("q") + "/payment-link").then().statusCode(400).body("field", equalTo("customer_email"));
        api().body(Map.of("customer_email", "x@example.com")).post("/api/quotes/" + unique("never") + "/payment-link/email")
                .then().statusCode(404);
    }

    @Test
    void emailSendsHtmlAndTextWithTheLinkAndRecordsIt() throws Exception {
        String quote = unique("qm");
        JsonPath link = api().body(saveForLater("u-2", 123456)).put("/api/quotes/" + quote + "/payment-link")
                .then().statusCode(201).extract().jsonPath();
        String to = "carol+" + quote + "@example.com";
        api().body(Map.of("customer_email", to, "customer_name", "Carol")).post("/api/quotes/" + quote + "/payment-link/email")
                .then().statusCode(200).body("sent_to", equalTo(to)).body("sent_at", notNullValue())
                .body("payment_link_url", equalTo(link.getString("payment_link_url")));
        api().get("/api/quotes/" + quote + "/payment-link").then().body("sent_to", equalTo(to)).body("sent_at", notNullValue());
        api().get("/api/payments/" + link.getString("payment_intent_id")).then().body("customer_email", equalTo(to));
        List<EmailRecord> recorded = emails.emailsOf(link.getString("payment_intent_id"));
        assertEquals(1, recorded.size(), "the link's payment records the e-mail too: " + recorded);
        assertEquals(EmailRecord.Kind.PAYMENT_LINK, recorded.get(0).kind());
        assertEquals(EmailRecord.Outcome.SENT, recorded.get(0).outcome());

        MimeMessage mail = null;
        for (MimeMessage m : GreenMailResource.greenMail().getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                mail = m;
            }
        }
        assertNotNull(mail, "the e-mail reached the SMTP server");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertTrue(mail.getContent() instanceof MimeMultipart, "HTML and text alternatives");
        assertTrue(raw.contains("text/html") && raw.contains("text/plain"), raw);
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "");
        assertTrue(body.contains("SGD 1,234.56"), body);
        assertTrue(body.contains(link.getString("payment_link_id")), body);
        assertTrue(body.contains("Carol"), body);
    }

    @Test
    void aPaidLinkIsCompletedByReconciliationAndTheQuoteCountsAsPaid() {
        String quote = unique("qlp");
        JsonPath link = api().body(saveForLater("u-3", 15000)).put("/api/quotes/" + quote + "/payment-link")
                .then().statusCode(201).extract().jsonPath();
        String session = Sandbox.openPaymentLink(link.getString("payment_link_url"));
        assertEquals("succeeded", Sandbox.pay(session, "4242424242424242").getString("outcome"));
        String id = link.getString("payment_intent_id");
        reconciliation.reconcileNow(id);
        api().get("/api/payments/" + id).then().body("payment_status", equalTo("completed"))
                .body("stripe_payment_intent", startsWith("pi_"));
        api().get("/api/quotes/" + quote + "/payment-link").then().statusCode(200)
                .body("payment_status", equalTo("completed")).body("is_active", equalTo(false));
        api().body(purchase(quote, 15000)).post("/api/payments").then().statusCode(409).body("code", equalTo("quote_already_paid"));
        api().post("/api/payments/" + id + "/policy").then().statusCode(201);
        api().body(Map.of("amount", 5000)).post("/api/payments/" + id + "/refunds").then().statusCode(200)
                .body("payment_status", equalTo("partially_refunded"));
    }
}
