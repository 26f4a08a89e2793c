package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.insurepay.checkout.service.LateMoneyService;
import com.insurepay.checkout.service.ReconciliationService;
import com.insurepay.checkout.service.SessionOutcomes;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.Sandbox;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.store.PaymentEmails;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Money integrity in checkout-service: a closed payment cannot be paid any more at Stripe, money that arrives after
 * the close is given back exactly once, cover follows the money, and a quote never has two payable objects.
 */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
class MoneyIntegrityApiTest {

    @Inject
    ReconciliationService reconciliation;

    @Inject
    LateMoneyService lateMoney;

    @Inject
    SessionOutcomes sessionOutcomes;

    @Inject
    StripeGateway stripe;

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentQueries queries;

    @Inject
    PaymentEmails emails;

    @Test
    void cancellingAPayLaterPaymentAlsoExpiresTheSessionsAlreadyOpenedFromItsLink() {
        String quote = unique("qcl");
        JsonPath link = api().body(saveForLater("u-cl", 15000)).put("/api/quotes/" + quote + "/payment-link")
                .then().statusCode(201).extract().jsonPath();
        String openedBefore = Sandbox.openPaymentLink(link.getString("payment_link_url"));
        assertEquals("open", Sandbox.get("/v1/checkout/sessions/" + openedBefore).getString("status"));

        api().body(java.util.Map.of("reason", "customer changed their mind"))
                .post("/api/payments/" + link.getString("payment_intent_id") + "/cancel").then().statusCode(200)
                .body("payment_status", equalTo("cancelled"));

        assertEquals("expired", Sandbox.get("/v1/checkout/sessions/" + openedBefore).getString("status"),
                "a session opened before the cancel can no longer be paid");
        assertFalse(Sandbox.get("/v1/payment_links/" + link.getString("payment_link_id")).getBoolean("active"));
    }

    @Test
    void lateMoneyIsRefundedExactlyOnceEvenWithTwoRunsAtOnceAndTheCustomerIsTold() throws Exception {
        String email = unique("late") + "@example.com";
        String paymentId = paidAfterClose(unique("qlate"), email);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<LateMoneyService.Report> run = lateMoney::run;
            List<LateMoneyService.Report> reports = new ArrayList<>();
            for (Future<LateMoneyService.Report> f : pool.invokeAll(List.of(run, run))) {
                reports.add(f.get());
            }
            assertEquals(1, reports.stream().mapToInt(LateMoneyService.Report::refunded).sum(), "one run made the refund: " + reports);
            assertEquals(0, reports.stream().mapToInt(LateMoneyService.Report::errors).sum(),
                    "the run that found the refund in progress reports no error: " + reports);
        } finally {
            pool.shutdown();
        }
        lateMoney.run(); // and a later run finds nothing left to give back

        JsonPath after = api().get("/api/payments/" + paymentId).then().statusCode(200)
                .body("payment_status", equalTo("refunded")).body("refunded_amount", equalTo(15000))
                .body("refundable_amount", equalTo(0)).extract().jsonPath();
        JsonPath charge = Sandbox.get("/v1/charges/"
                + Sandbox.get("/v1/payment_intents/" + after.getString("stripe_payment_intent")).getString("latest_charge"));
        assertEquals(15000, charge.getInt("amount_refunded"), "refunded in full at Stripe, once");
        List<String> history = after.getList("history.to");
        assertEquals(List.of("pending", "cancelled", "paid_after_close", "refunded"), history);
        assertEquals("reconciliation", after.getString("history[-1].actor"));

        List<MimeMessage> notices = new ArrayList<>();
        for (MimeMessage mail : GreenMailResource.greenMail().getReceivedMessages()) {
            if (email.equals(mail.getAllRecipients()[0].toString())) {
                notices.add(mail);
            }
        }
        assertEquals(1, notices.size(), "exactly one notice");
        assertTrue(notices.get(0).getSubject().contains("was refunded"), notices.get(0).getSubject());
        assertTrue(GreenMailUtil.getBody(notices.get(0)).contains("nothing was charged in the end"));
        assertEquals(List.of(new EmailRecord(emails.emailsOf(paymentId).get(0).at(), EmailRecord.Kind.LATE_PAYMENT_REFUNDED,
                EmailRecord.Outcome.SENT, "reconciliation", null)), emails.emailsOf(paymentId), "the one notice, recorded on the payment");
        assertTrue(queries.findPaidAfterClose(100, null).items().stream().noneMatch(p -> p.paymentId().equals(paymentId)));
    }

    @Test
    void aPolicyFollowsTheMoneyThroughRefundsAndDisputes() {
        String id = paidCheckout(unique("qcover"));
        api().get("/api/payments/" + id + "/policy").then().statusCode(404).body("code", equalTo("not_found"));
        String policyId = api().post("/api/payments/" + id + "/policy").then().statusCode(201)
                .body("policy_status", equalTo("active")).extract().path("policy_id");
        api().get("/api/payments/" + id + "/policy").then().statusCode(200).body("policy_id", equalTo(policyId))
                .body("policy_status", equalTo("active"));

        api().body(java.util.Map.of("amount", 5000)).post("/api/payments/" + id + "/refunds").then().statusCode(200);
        api().get("/api/payments/" + id + "/policy").then().statusCode(200)
                .body("policy_status", equalTo("active")).body("refunded_amount", equalTo(5000))
                .body("payment_status", equalTo("partially_refunded"));
        api().get("/api/payments/" + id).then().body("policy_status", equalTo("active"));

        api().body(java.util.Map.of()).post("/api/payments/" + id + "/refunds").then().statusCode(200);
        api().get("/api/payments/" + id + "/policy").then().statusCode(200)
                .body("policy_status", equalTo("cancelled")).body("refunded_amount", equalTo(15000));
        api().post("/api/payments/" + id + "/policy").then().statusCode(200).body("policy_id", equalTo(policyId))
                .body("policy_status", equalTo("cancelled"));
    }

    @Test
    void aDisputeSuspendsTheCoverAndItsOutcomeRestoresOrCancelsIt() {
        for (String outcome : List.of(Payment.DISPUTE_WON, Payment.DISPUTE_LOST)) {
            String id = paidCheckout(unique("qdisp"));
            api().post("/api/payments/" + id + "/policy").then().statusCode(201);
            String dispute = "dp_" + id;
            dispute(id, dispute, Payment.DISPUTE_OPEN);
            api().get("/api/payments/" + id + "/policy").then().body("policy_status", equalTo("suspended"));
            dispute(id, dispute, outcome);
            api().get("/api/payments/" + id + "/policy").then()
                    .body("policy_status", equalTo(outcome.equals(Payment.DISPUTE_WON) ? "active" : "cancelled"));
            api().get("/api/payments/" + id).then().body("dispute_status", equalTo(outcome));
        }
    }

    /** The quote's lease is shared by buy-now and pay-later: racing them never leaves two ways to pay one quote. */
    @Test
    void initiateAndSaveForLaterRacingOnOneQuoteLeaveOneWayToPay() throws Exception {
        for (int round = 0; round < 3; round++) {
            String quote = unique("qrace");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Response> buy = () -> api().body(purchase(quote, 15000)).post("/api/payments");
                Callable<Response> later = () -> api().body(saveForLater("user-" + quote, 15000))
                        .put("/api/quotes/" + quote + "/payment-link");
                for (Future<Response> f : pool.invokeAll(List.of(buy, later))) {
                    Response r = f.get();
                    assertTrue(r.statusCode() == 200 || r.statusCode() == 201
                            || r.statusCode() == 409 && "checkout_in_progress".equals(r.path("code")), r.asString());
                }
            } finally {
                pool.shutdown();
            }
            List<Payment> ofQuote = queries.findByQuote(quote, 50, null).items();
            List<Payment> open = ofQuote.stream().filter(p -> p.status().isOpen()).toList();
            assertEquals(1, open.size(), "one open way to pay: " + ofQuote);
            for (Payment closed : ofQuote) {
                if (closed.status().isOpen()) {
                    continue;
                }
                if (closed.stripeSessionId() != null) {
                    assertNotEquals("open", Sandbox.get("/v1/checkout/sessions/" + closed.stripeSessionId()).getString("status"));
                }
                if (closed.paymentLinkId() != null) {
                    assertFalse(Sandbox.get("/v1/payment_links/" + closed.paymentLinkId()).getBoolean("active"));
                }
            }
        }
    }

    @Test
    void aCheckoutCompleteButUnpaidStaysOpenCanBeCancelledAndItsSettlementIsLateMoney() {
        Response created = api().body(purchase(unique("qdelayed"), 15000)).post("/api/payments");
        created.then().statusCode(201);
        String id = created.path("payment_intent_id");
        String sessionId = created.path("session_id");
        String paymentIntent = Sandbox.payDelayed(sessionId).getString("payment_intent.id");

        // Complete at Stripe but unpaid (a bank debit in flight) is not money: reconciliation leaves it open...
        assertTrue(reconciliation.reconcileNow(id).isEmpty());
        // ...and cancelling it is a cancel, not "has just been paid".
        api().body(java.util.Map.of("reason", "customer changed their mind")).post("/api/payments/" + id + "/cancel")
                .then().statusCode(200).body("payment_status", equalTo("cancelled"));

        // The debit settles afterwards: what Stripe then shows is money after close, to be given back.
        Sandbox.settle(paymentIntent);
        TransitionResult late = sessionOutcomes.applyPaid(id, stripe.retrieveSession(sessionId),
                TransitionCause.webhook("evt_" + id, "checkout.session.async_payment_succeeded"));
        assertEquals(PaymentStatus.PAID_AFTER_CLOSE, late.payment().status());
        assertEquals(paymentIntent, late.payment().stripePaymentIntent());
        // Given back like any late money (which also leaves none behind for the other tests' late-money runs).
        lateMoney.run();
        api().get("/api/payments/" + id).then().statusCode(200).body("payment_status", equalTo("refunded"))
                .body("refunded_amount", equalTo(15000));
    }

    @Test
    void aRefundOfAnUnpaidOrLatePaymentSaysWhatCanBeRefunded() {
        String id = api().body(purchase(unique("qunpaid"), 15000)).post("/api/payments").then().statusCode(201)
                .extract().path("payment_intent_id");
        api().body(java.util.Map.of()).post("/api/payments/" + id + "/refunds").then().statusCode(409)
                .body("code", equalTo("invalid_status"))
                .body("detail", containsString("only completed, partially refunded or paid-after-close payments can be refunded"));
    }

    // --- helpers ---

    /** A checkout paid at the sandbox and applied as its webhook would be (no webhook-service in this module). */
    private String paidCheckout(String quote) {
        Response created = api().body(purchase(quote, 15000)).post("/api/payments");
        created.then().statusCode(201);
        String id = created.path("payment_intent_id");
        Sandbox.pay(created.path("session_id"), "4242424242424242");
        assertEquals("completed", reconciliation.reconcileNow(id).orElseThrow().to());
        return id;
    }

    /**
     * A payment cancelled while its customer was paying: the checkout is paid at the sandbox, our record says
     * cancelled, then the money's evidence arrives (as webhook-service would apply it).
     */
    private String paidAfterClose(String quote, String email) {
        java.util.Map<String, Object> body = new java.util.HashMap<>(purchase(quote, 15000));
        body.put("customer_email", email);
        Response created = api().body(body).post("/api/payments");
        created.then().statusCode(201);
        String id = created.path("payment_intent_id");
        Sandbox.pay(created.path("session_id"), "4242424242424242");
        payments.apply(id, Transition.to(PaymentStatus.CANCELLED, TransitionCause.api("cancel raced the payment")));
        TransitionResult late = sessionOutcomes.applyPaid(id, stripe.retrieveSession(created.path("session_id")),
                TransitionCause.webhook("evt_" + id, "checkout.session.completed"));
        assertEquals(PaymentStatus.PAID_AFTER_CLOSE, late.payment().status());
        api().post("/api/payments/" + id + "/policy").then().statusCode(409).body("code", equalTo("invalid_status"));
        return id;
    }

    private void dispute(String paymentId, String disputeId, String status) {
        Payment p = payments.find(paymentId).orElseThrow();
        assertTrue(payments.apply(paymentId, Transition.to(PaymentStatus.DISPUTED,
                TransitionCause.webhook("evt_" + disputeId + status, "charge.dispute"))
                .with(PaymentChanges.NONE.withDispute(disputeId, status))
                .provenBy(com.insurepay.common.payment.StripeEvidence.dispute(disputeId, p.stripePaymentIntent(), p.amount(),
                        p.currency())))
                .applied());
    }
}
