package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.insurepay.checkout.service.CallTrace;
import com.insurepay.checkout.service.MailRecorder;
import com.insurepay.checkout.service.ReconciliationService;
import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.Sandbox;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.policy.PolicyLinkSigner;
import com.insurepay.common.store.PaymentEmails;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Buy now against the real stripe-sandbox, dynamodb-sandbox and GreenMail. */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
class PaymentApiTest {

    @Inject
    ReconciliationService reconciliation;

    @Inject
    PolicyLinkSigner signer;

    @Inject
    PaymentEmails emails;

    // --- auth and validation ---

    @Test
    void everyApiCallNeedsTheServiceToken() {
        given().get("/api/payments/pay_x").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer wrong").contentType("application/json").body(purchase("q", 15000))
                .post("/api/payments").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/payments"));
    }

    @Test
    void invalidInputIsA400NamingTheField() {
        Map<String, Object> ok = purchase(unique("qv"), 15000);
        assertField(with(ok, "amount", 10), "amount");
        assertField(with(ok, "amount", -5), "amount");
        assertField(with(ok, "currency", "XYZ"), "currency");
        assertField(with(ok, "customer_email", "not-an-email"), "customer_email");
        assertField(with(ok, "user_id", "  "), "user_id");
        assertField(with(ok, "quote_id", "q".repeat(129)), "quote_id");
        assertField(with(ok, "product_name", "p".repeat(201)), "product_name");
        assertField(with(ok, "amount", 100_000_000), "amount");
        api().body("{\"amount\": \"abc\"}").post("/api/payments").then().statusCode(400).body("code", equalTo("validation_error"))
                .body("field", equalTo("amount"));
        api().queryParam("user_id", "u").queryParam("cursor", "garbage").get("/api/payments").then().statusCode(400)
                .body("field", equalTo("cursor"));
        api().get("/api/payments/pay_unknown").then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void theGatewaysActorIsRecordedAndUnsafeCallerHeadersAreRefused() {
        // What mcp-gateway sends for a token: McpToken.actor() = id(name), and names may hold spaces.
        String actor = "3f2a9c01b7de(claude desktop)";
        api().header(CallerParams.ACTOR_HEADER, actor).body(purchase(unique("qactor"), 15000)).post("/api/payments")
                .then().statusCode(201).body("history[0].actor", equalTo(actor));
        api().header(CallerParams.ACTOR_HEADER, "<script>").body(purchase(unique("qactor"), 15000)).post("/api/payments")
                .then().statusCode(400).body("field", equalTo(CallerParams.ACTOR_HEADER));
        api().header(CallerParams.TENANT_HEADER, "acme (eu)").body(purchase(unique("qactor"), 15000)).post("/api/payments")
                .then().statusCode(400).body("field", equalTo(CallerParams.TENANT_HEADER));
    }

    // --- initiate, read, list ---

    @Test
    void initiateCreatesACheckoutSessionAtStripeWithOurIds() {
        String quote = unique("q");
        JsonPath created = api().body(purchase(quote, 15000)).post("/api/payments").then().statusCode(201)
                .body("created", equalTo(true))
                .body("payment_intent_id", startsWith("pay_"))
                .body("payment_status", equalTo("pending"))
                .body("kind", equalTo("checkout"))
                .body("amount_display", equalTo("SGD 150.00"))
                .body("session_id", startsWith("cs_test_"))
                .body("checkout_url", startsWith(StripeSandboxResource.baseUrl() + "/c/pay/"))
                .body("expires_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
                .body("history[0].to", equalTo("pending"))
                .extract().jsonPath();
        String id = created.getString("payment_intent_id");

        // Every parameter we sent was accepted (the sandbox rejects unknown ones) and means what we intended.
        JsonPath session = Sandbox.get("/v1/checkout/sessions/" + created.getString("session_id"));
        assertEquals(id, session.getString("client_reference_id"));
        assertEquals(id, session.getString("metadata.payment_intent_id"));
        assertEquals(quote, session.getString("metadata.quote_id"));
        assertEquals("alice@example.com", session.getString("customer_email"));
        assertEquals("payment", session.getString("mode"));
        assertEquals("http://localhost:8085/success?session_id={CHECKOUT_SESSION_ID}", session.getString("success_url"));
        assertEquals(15000, session.getInt("amount_total"));
        long expiresAt = session.getLong("expires_at");
        assertEquals(Instant.parse(created.getString("expires_at")).getEpochSecond(), expiresAt);

        api().get("/api/payments/" + id).then().statusCode(200).body("payment_intent_id", equalTo(id))
                .body("history.size()", equalTo(1)).body("created", nullValue());
    }

    @Test
    void duplicateInitiateReturnsTheSameCheckout() {
        String quote = unique("qdup");
        Response first = api().body(purchase(quote, 15000)).post("/api/payments");
        first.then().statusCode(201);
        api().body(purchase(quote, 15000)).post("/api/payments").then().statusCode(200)
                .body("created", equalTo(false))
                .body("payment_intent_id", equalTo(first.path("payment_intent_id")))
                .body("checkout_url", equalTo(first.path("checkout_url")));
    }

    @Test
    void aNewPriceForAQuoteClosesItsOpenCheckoutFirst() {
        String quote = unique("qprice");
        Response first = api().body(purchase(quote, 15000)).post("/api/payments");
        first.then().statusCode(201);
        Response second = api().body(purchase(quote, 20000)).post("/api/payments");
        second.then().statusCode(201).body("amount", equalTo(20000));
        assertNotEquals(first.<String>path("payment_intent_id"), second.<String>path("payment_intent_id"));

        api().get("/api/payments/" + first.path("payment_intent_id")).then().statusCode(200)
                .body("payment_status", equalTo("cancelled"))
                .body("history[-1].detail", containsString("superseded"));
        assertEquals("expired", Sandbox.get("/v1/checkout/sessions/" + first.path("session_id")).getString("status"),
                "the old checkout can no longer be paid");
    }

    @Test
    void aNewPriceForAQuoteWhoseOldCheckoutWasPaidIsRefused() {
        String quote = unique("qpaidold");
        Response first = api().body(purchase(quote, 15000)).post("/api/payments");
        first.then().statusCode(201);
        Sandbox.pay(first.path("session_id"), "4242424242424242"); // paid at Stripe; its webhook has not reached us

        api().body(purchase(quote, 20000)).post("/api/payments").then().statusCode(409)
                .body("code", equalTo("quote_already_paid"));
        api().get("/api/payments/" + first.path("payment_intent_id")).then().body("payment_status", equalTo("completed"));
    }

    /** The quote's lease: one request makes the checkout; one arriving meanwhile is told at once to retry. */
    @Test
    void simultaneousInitiatesOfOneQuoteMakeOneCheckout() throws Exception {
        String quote = unique("qsim");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<Response> call = () -> api().body(purchase(quote, 15000)).post("/api/payments");
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<Response> f : pool.invokeAll(List.of(call, call, call))) {
                Response r = f.get();
                if (r.statusCode() == 409) {
                    assertEquals("checkout_in_progress", r.path("code"), r.asString());
                    continue;
                }
                assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.asString());
                created += r.statusCode() == 201 ? 1 : 0;
                ids.add(r.path("payment_intent_id"));
            }
            assertEquals(1, created);
            assertEquals(1, ids.size());
            Response retried = api().body(purchase(quote, 15000)).post("/api/payments");
            retried.then().statusCode(200);
            assertEquals(ids.iterator().next(), retried.path("payment_intent_id"), "the retry gets the same checkout");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void listIsNewestFirstAndPaginated() {
        String user = unique("user");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = with(purchase(unique("ql"), 15000), "user_id", user);
            ids.add(api().body(body).post("/api/payments").then().statusCode(201).extract().path("payment_intent_id"));
        }
        JsonPath page1 = api().queryParam("user_id", user).queryParam("limit", 2).get("/api/payments").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(ids.get(2), ids.get(1)), page1.getList("items.payment_intent_id"));
        assertNull(page1.get("items[0].history"));
        JsonPath page2 = api().queryParam("user_id", user).queryParam("limit", 2).queryParam("cursor", page1.getString("next_cursor"))
                .get("/api/payments").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(ids.get(0)), page2.getList("items.payment_intent_id"));
        api().queryParam("user_id", user).queryParam("limit", 0).get("/api/payments").then().statusCode(400).body("field",
                equalTo("limit"));
    }

    // --- cancel ---

    @Test
    void cancelExpiresTheStripeSession() {
        JsonPath p = initiate(unique("qc"), 15000);
        api().body(Map.of("reason", "changed my mind")).post("/api/payments/" + p.getString("payment_intent_id") + "/cancel")
                .then().statusCode(200).body("payment_status", equalTo("cancelled"))
                .body("history[-1].detail", containsString("changed my mind"));
        assertEquals("expired", Sandbox.get("/v1/checkout/sessions/" + p.getString("session_id")).getString("status"));
    }

    @Test
    void cancelOfACompletedPaymentIsA409() {
        String id = paidPayment(unique("qcc"), 15000);
        api().post("/api/payments/" + id + "/cancel").then().statusCode(409)
                .body("code", equalTo("invalid_status")).body("payment_status", equalTo("completed"))
                .body("detail", containsString("completed"));
    }

    @Test
    void cancelOfASessionPaidBeforeTheWebhookCameFindsItPaid() {
        JsonPath p = initiate(unique("qcp"), 15000);
        Sandbox.pay(p.getString("session_id"), "4242424242424242");
        api().post("/api/payments/" + p.getString("payment_intent_id") + "/cancel").then().statusCode(409)
                .body("payment_status", equalTo("completed"));
    }

    @Test
    void initiateForAPaidQuoteIsA409() {
        String quote = unique("qpaid");
        String id = paidPayment(quote, 15000);
        api().body(purchase(quote, 15000)).post("/api/payments").then().statusCode(409)
                .body("code", equalTo("quote_already_paid")).body("payment_intent_id", equalTo(id))
                .body("detail", startsWith("This quote is already paid"));
    }

    // --- reconciliation ---

    @Test
    void reconciliationCompletesAPaymentWhoseWebhookNeverCame() {
        Sandbox.webhooks(true);
        try {
            JsonPath p = initiate(unique("qrec"), 15000);
            String id = p.getString("payment_intent_id");
            assertEquals("succeeded", Sandbox.pay(p.getString("session_id"), "4242424242424242").getString("outcome"));
            api().get("/api/payments/" + id).then().body("payment_status", equalTo("pending"));

            JsonPath report = api().post("/api/reconciliation/run").then().statusCode(200).extract().jsonPath();
            assertTrue(report.getInt("checked") >= 1);
            assertTrue(report.getList("changed.payment_intent_id").contains(id), report.prettify());
            api().get("/api/payments/" + id).then().body("payment_status", equalTo("completed"))
                    .body("stripe_payment_intent", startsWith("pi_"))
                    .body("history[-1].source", equalTo("reconciliation"));
            // A second run (another replica, or the next tick) changes nothing.
            assertFalse(api().post("/api/reconciliation/run").then().statusCode(200).extract().jsonPath()
                    .getList("changed.payment_intent_id").contains(id));
        } finally {
            Sandbox.webhooks(false);
        }
    }

    // --- refunds ---

    @Test
    void partialThenFullRefund() {
        String id = paidPayment(unique("qr"), 15000);
        api().header("Idempotency-Key", "r1-" + id).body(Map.of("amount", 5000, "reason", "requested_by_customer"))
                .post("/api/payments/" + id + "/refunds").then().statusCode(200)
                .body("refund_id", startsWith("re_")).body("amount", equalTo(5000)).body("amount_display", equalTo("SGD 50.00"))
                .body("refund_status", equalTo("succeeded")).body("refunded_amount", equalTo(5000))
                .body("refundable_amount", equalTo(10000)).body("payment_status", equalTo("partially_refunded"));
        // The same request again (same Idempotency-Key) refunds once.
        String again = api().header("Idempotency-Key", "r1-" + id).body(Map.of("amount", 5000))
                .post("/api/payments/" + id + "/refunds").then().statusCode(200).body("refunded_amount", equalTo(5000))
                .extract().path("refund_id");
        assertNotNull(again);
        api().body(Map.of()).post("/api/payments/" + id + "/refunds").then().statusCode(200)
                .body("amount", equalTo(10000)).body("payment_status", equalTo("refunded")).body("refundable_amount", equalTo(0));
        api().body(Map.of()).post("/api/payments/" + id + "/refunds").then().statusCode(409).body("code", equalTo("nothing_to_refund"));
        assertEquals(15000, Sandbox.get("/v1/payment_intents/" + api().get("/api/payments/" + id).path("stripe_payment_intent")
                + "?expand[]=latest_charge").getInt("latest_charge.amount_refunded"));
    }

    @Test
    void refundAbovePaidIsA400AndPendingIsA409() {
        String id = paidPayment(unique("qra"), 15000);
        api().body(Map.of("amount", 15001)).post("/api/payments/" + id + "/refunds").then().statusCode(400)
                .body("code", equalTo("refund_exceeds_remaining")).body("field", equalTo("amount"));
        api().body(Map.of("reason", "because")).post("/api/payments/" + id + "/refunds").then().statusCode(400)
                .body("field", equalTo("reason"));
        String pending = initiate(unique("qrp"), 15000).getString("payment_intent_id");
        api().body(Map.of()).post("/api/payments/" + pending + "/refunds").then().statusCode(409)
                .body("code", equalTo("invalid_status")).body("payment_status", equalTo("pending"));
    }

    @Test
    void twoRacingRefundsNeverExceedWhatWasPaid() throws Exception {
        String id = paidPayment(unique("qrr"), 15000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> refund = () -> api().body(Map.of("amount", 10000)).post("/api/payments/" + id + "/refunds").statusCode();
            List<Future<Integer>> results = pool.invokeAll(List.of(refund, refund));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 400), statuses, "exactly one of two 100.00 refunds of a 150.00 payment may succeed");
        } finally {
            pool.shutdown();
        }
        api().get("/api/payments/" + id).then().body("refunded_amount", equalTo(10000))
                .body("payment_status", equalTo("partially_refunded")).body("refundable_amount", equalTo(5000));
    }

    // --- policy ---

    @Test
    void policyBeforePaymentIsA409() {
        String id = initiate(unique("qpb"), 15000).getString("payment_intent_id");
        api().post("/api/payments/" + id + "/policy").then().statusCode(409).body("code", equalTo("invalid_status"))
                .body("payment_status", equalTo("pending")).body("detail", containsString("pending"));
    }

    @Test
    void policyIsIssuedOnceEvenUnderConcurrentCalls() throws Exception {
        String id = paidPayment(unique("qpol"), 15000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Response> responses = new ArrayList<>();
        try {
            Callable<Response> call = () -> api().post("/api/payments/" + id + "/policy");
            for (Future<Response> f : pool.invokeAll(List.of(call, call, call, call))) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        Set<String> policyIds = new HashSet<>();
        int created = 0;
        for (Response r : responses) {
            assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.asString());
            created += r.statusCode() == 201 ? 1 : 0;
            policyIds.add(r.path("policy_id"));
        }
        assertEquals(1, created);
        assertEquals(1, policyIds.size());
        String policyId = policyIds.iterator().next();
        Response again = api().post("/api/payments/" + id + "/policy");
        again.then().statusCode(200).body("policy_id", equalTo(policyId))
                .body("policy_number", matchesPattern("POL-\\d{4}-\\d{6}"))
                .body("policy_status", equalTo("active"))
                .body("issued_by", equalTo("api"))
                .body("policy_document_url", startsWith("http://localhost:8085/policies/" + policyId + ".pdf?token="));
        String url = again.path("policy_document_url");
        String token = java.net.URLDecoder.decode(url.substring(url.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(PolicyLinkSigner.Verdict.VALID, signer.verify(policyId, token, Instant.now()));
        api().get("/api/payments/" + id).then().body("policy_id", equalTo(policyId))
                .body("policy_number", equalTo(again.path("policy_number")));

        // Exactly one confirmation e-mail, to the customer, with the document link. (GreenMail lists messages by
        // mailbox, not by arrival: select by content, never by position.)
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage mail : GreenMailResource.greenMail().getReceivedMessages()) {
            if (GreenMailUtil.getBody(mail).contains(policyId)) {
                mine.add(mail);
            }
        }
        assertEquals(1, mine.size());
        assertEquals("alice@example.com", mine.get(0).getAllRecipients()[0].toString());
        assertTrue(mine.get(0).getSubject().contains((String) again.path("policy_number")));
        // ... and exactly one record of it on the payment.
        List<EmailRecord> recorded = emails.emailsOf(id);
        assertEquals(1, recorded.size(), recorded.toString());
        assertEquals(EmailRecord.Outcome.SENT, recorded.get(0).outcome());
    }

    @Test
    void aRecordWriteThatFailsIsCountedAndNeverThrown() {
        PaymentEmails failing = new PaymentEmails(null, "payments") {
            @Override
            public boolean recordEmail(String paymentId, EmailRecord record) {
                throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder().message("throttled").build();
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MailRecorder recorder = new MailRecorder(failing, registry, java.time.Clock.systemUTC());
        assertDoesNotThrow(() -> recorder.sent("pay_x", EmailRecord.Kind.POLICY_CONFIRMATION, "api"));
        assertDoesNotThrow(() -> recorder.failed("pay_x", EmailRecord.Kind.POLICY_CONFIRMATION, "api"));
        assertEquals(2.0, registry.counter("checkout.mail.record.failures", "kind", "policy_confirmation").count());
    }

    @Test
    void thePolicyConfirmationIsRecordedOnThePaymentAsSentWithItsActorAndRequestId() {
        String id = paidPayment(unique("qpolmail"), 15000);
        api().header(CallTrace.REQUEST_ID_HEADER, "req-polmail-1").post("/api/payments/" + id + "/policy").then().statusCode(201)
                .body("confirmation_email_sent", equalTo(true));
        List<EmailRecord> recorded = emails.emailsOf(id);
        assertEquals(1, recorded.size(), recorded.toString());
        EmailRecord r = recorded.get(0);
        assertEquals(EmailRecord.Kind.POLICY_CONFIRMATION, r.kind());
        assertEquals(EmailRecord.Outcome.SENT, r.outcome());
        assertEquals("api", r.actor());
        assertEquals("req-polmail-1", r.requestId());
        assertTrue(r.at().isAfter(Instant.now().minusSeconds(60)) && !r.at().isAfter(Instant.now()), r.at().toString());
    }

    // --- helpers ---

    private JsonPath initiate(String quote, long amount) {
        return api().body(purchase(quote, amount)).post("/api/payments").then().statusCode(201).extract().jsonPath();
    }

    /** A payment the customer paid on the sandbox; completed the way a missed webhook is: by reconciliation. */
    private String paidPayment(String quote, long amount) {
        JsonPath p = initiate(quote, amount);
        assertEquals("succeeded", Sandbox.pay(p.getString("session_id"), "4242424242424242").getString("outcome"));
        String id = p.getString("payment_intent_id");
        reconciliation.reconcileNow(id);
        api().get("/api/payments/" + id).then().body("payment_status", equalTo("completed"));
        return id;
    }

    private static void assertField(Map<String, Object> body, String field) {
        api().body(body).post("/api/payments").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_error")).body("field", equalTo(field)).body("detail", not(emptyOrNullString()));
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
