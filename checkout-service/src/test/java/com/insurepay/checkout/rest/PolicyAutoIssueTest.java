package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.insurepay.checkout.followup.PolicyAutoIssuer;
import com.insurepay.checkout.service.ReconciliationService;
import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.Sandbox;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A pay-later customer pays after the chat ended and no assistant ever calls complete_purchase: the policy is issued
 * anyway, by the sweep over the policy-due bucket, once the configured delay has passed, and e-mailed to the
 * customer. A payment refunded before the delay never gets one and leaves the bucket.
 */
@QuarkusTest
@TestProfile(PolicyAutoIssueTest.AutoIssue.class)
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
class PolicyAutoIssueTest {

    public static class AutoIssue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The schedule stays off (as in every test): the tests sweep themselves, so what runs when is theirs.
            return Map.of("checkout.policy.auto-issue-after", "PT3S");
        }
    }

    @Inject
    ReconciliationService reconciliation;

    @Inject
    PolicyAutoIssuer issuer;

    @Inject
    PaymentQueries queries;

    @Test
    void aPaymentRefundedBeforeTheDelayGetsNoPolicyAndLeavesTheBucket() {
        String quote = unique("qrefund");
        JsonPath link = api().body(Map.of("user_id", "u-auto-r", "customer_email", "dan@example.com",
                "product_name", "Travel Insurance - Silver", "amount", 15000, "currency", "SGD"))
                .put("/api/quotes/" + quote + "/payment-link").then().statusCode(201).extract().jsonPath();
        String paymentId = link.getString("payment_intent_id");
        Sandbox.pay(Sandbox.openPaymentLink(link.getString("payment_link_url")), "4242424242424242");
        assertEquals("completed", reconciliation.reconcileNow(paymentId).orElseThrow().to());
        assertTrue(queries.findPolicyDue(100, null).items().stream().anyMatch(p -> p.paymentId().equals(paymentId)),
                "paid and kept: due for a policy");

        api().body(Map.of()).post("/api/payments/" + paymentId + "/refunds").then().statusCode(200);
        api().get("/api/payments/" + paymentId).then().body("payment_status", equalTo("refunded"));

        // The refund's own write took it out of the bucket; no sweep ran before it, so whatever the clock says,
        // nothing can issue cover for it now.
        assertTrue(queries.findPolicyDue(100, null).items().stream().noneMatch(p -> p.paymentId().equals(paymentId)),
                "the refunded payment left the bucket");
        issuer.sweep();
        api().get("/api/payments/" + paymentId).then().body("policy_id", nullValue());
        api().get("/api/payments/" + paymentId + "/policy").then().statusCode(404);
    }

    @Test
    void aLinkPaidWithNoAssistantCallGetsItsPolicyAfterTheDelayAndCompletePurchaseReturnsTheSame() throws Exception {
        String quote = unique("qauto");
        JsonPath link = api().body(Map.of("user_id", "u-auto", "customer_email", "carol@example.com",
                "product_name", "Travel Insurance - Silver", "amount", 15000, "currency", "SGD"))
                .put("/api/quotes/" + quote + "/payment-link").then().statusCode(201).extract().jsonPath();
        String paymentId = link.getString("payment_intent_id");
        String session = Sandbox.openPaymentLink(link.getString("payment_link_url"));
        Sandbox.pay(session, "4242424242424242");
        assertEquals("completed", reconciliation.reconcileNow(paymentId).orElseThrow().to());
        long paidAt = System.nanoTime();

        // Not before the delay: the assistant still has its chance.
        PolicyAutoIssuer.Sweep early = issuer.sweep();
        assertTrue(early.waiting() >= 1, "the payment waits in the bucket: " + early);
        api().get("/api/payments/" + paymentId).then().body("policy_id", nullValue());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            issuer.sweep();
            return api().get("/api/payments/" + paymentId).path("policy_id") != null;
        });
        assertTrue(Duration.ofNanos(System.nanoTime() - paidAt).compareTo(Duration.ofMillis(2500)) > 0,
                "issued only after the delay");

        JsonPath policy = api().get("/api/payments/" + paymentId + "/policy").then().statusCode(200)
                .body("issued_by", equalTo("system")).body("policy_status", equalTo("active")).extract().jsonPath();
        api().post("/api/payments/" + paymentId + "/policy").then().statusCode(200)
                .body("policy_id", equalTo(policy.getString("policy_id")));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("carol@example.com") > 0);
        MimeMessage mail = last("carol@example.com");
        assertTrue(GreenMailUtil.getBody(mail).contains(policy.getString("policy_number")));
        issuer.sweep();
        assertTrue(queries.findPolicyDue(100, null).items().stream().noneMatch(p -> p.paymentId().equals(paymentId)),
                "issuing took it out of the policy-due bucket");
        assertEquals(1, mailsTo("carol@example.com"), "one confirmation");
        api().get("/api/payments/" + paymentId + "/policy").then().body("policy_id", equalTo(policy.getString("policy_id")));
    }

    private static int mailsTo(String address) {
        int n = 0;
        for (MimeMessage m : GreenMailResource.greenMail().getReceivedMessages()) {
            try {
                n += address.equals(m.getAllRecipients()[0].toString()) ? 1 : 0;
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    private static MimeMessage last(String address) throws jakarta.mail.MessagingException {
        MimeMessage found = null;
        for (MimeMessage m : GreenMailResource.greenMail().getReceivedMessages()) {
            if (address.equals(m.getAllRecipients()[0].toString())) {
                found = m;
            }
        }
        return found;
    }
}
