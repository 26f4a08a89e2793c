package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.api;
import static com.insurepay.checkout.support.Api.purchase;
import static com.insurepay.checkout.support.Api.saveForLater;
import static com.insurepay.checkout.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.checkout.followup.PolicyAutoIssuer;
import com.insurepay.checkout.service.LateMoneyService;
import com.insurepay.checkout.service.ReconciliationService;
import com.insurepay.checkout.service.SessionOutcomes;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.Sandbox;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The business metrics checkout-service exports on /q/metrics, read the way Prometheus does: payments created and the
 * transitions checkout-service applies (paid by reconciliation, cancel, refund), money received, refunds and their
 * amount, mails, the reconciliation backlog and the policy gauges. Labels never carry an id or an e-mail.
 */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
class BusinessMetricsTest {

    static final String CREATED = "insurepay_payment_transitions_total{currency=\"SGD\",kind=\"checkout\",to_status=\"pending\"}";
    static final String COMPLETED = "insurepay_payment_transitions_total{currency=\"SGD\",kind=\"checkout\",to_status=\"completed\"}";
    static final String CANCELLED = "insurepay_payment_transitions_total{currency=\"SGD\",kind=\"checkout\",to_status=\"cancelled\"}";
    static final String PARTIALLY_REFUNDED = "insurepay_payment_transitions_total{currency=\"SGD\",kind=\"checkout\",to_status=\"partially_refunded\"}";
    static final String RECEIVED = "insurepay_payments_received_total{currency=\"SGD\",late=\"false\"}";
    static final String RECEIVED_AMOUNT = "insurepay_payments_received_amount_total{currency=\"SGD\",late=\"false\"}";
    static final String REFUNDS = "insurepay_refunds_total{currency=\"SGD\",late=\"false\"}";
    static final String REFUNDS_AMOUNT = "insurepay_refunds_amount_total{currency=\"SGD\",late=\"false\"}";
    static final String LINK_MAIL_SENT = "checkout_mail_sent_total{kind=\"payment_link\"}";

    @Inject
    ReconciliationService reconciliation;

    @Inject
    PolicyAutoIssuer autoIssuer;

    @Inject
    LateMoneyService lateMoney;

    @Inject
    SessionOutcomes outcomes;

    @Inject
    StripeGateway stripe;

    @Inject
    PaymentRepository payments;

    @Test
    void aPurchasePaidThenPartlyRefundedIsCountedOnceAtEachStep() {
        double created = value(CREATED);
        double completed = value(COMPLETED);
        double received = value(RECEIVED);
        double receivedAmount = value(RECEIVED_AMOUNT);
        double partly = value(PARTIALLY_REFUNDED);
        double refunds = value(REFUNDS);
        double refundsAmount = value(REFUNDS_AMOUNT);

        JsonPath p = api().body(purchase(unique("qm"), 15000)).post("/api/payments").then().statusCode(201).extract().jsonPath();
        String id = p.getString("payment_intent_id");
        assertEquals(created + 1, value(CREATED), "a created payment is a transition to pending");
        assertEquals("succeeded", Sandbox.pay(p.getString("session_id"), "4242424242424242").getString("outcome"));
        reconciliation.reconcileNow(id);
        api().get("/api/payments/" + id).then().body("payment_status", equalTo("completed"));
        assertEquals(completed + 1, value(COMPLETED));
        assertEquals(received + 1, value(RECEIVED));
        assertEquals(receivedAmount + 15000, value(RECEIVED_AMOUNT), "revenue in minor units");
        reconciliation.reconcileNow(id);
        assertEquals(completed + 1, value(COMPLETED), "nothing applied, nothing counted");

        api().header("Idempotency-Key", "m1-" + id).body(Map.of("amount", 5000)).post("/api/payments/" + id + "/refunds")
                .then().statusCode(200).body("payment_status", equalTo("partially_refunded"));
        api().header("Idempotency-Key", "m1-" + id).body(Map.of("amount", 5000)).post("/api/payments/" + id + "/refunds")
                .then().statusCode(200);
        assertEquals(refunds + 1, value(REFUNDS), "the retry with the same key refunds (and counts) once");
        assertEquals(refundsAmount + 5000, value(REFUNDS_AMOUNT));
        assertEquals(partly + 1, value(PARTIALLY_REFUNDED));
        assertEquals(received + 1, value(RECEIVED), "a refund is not money received");
    }

    @Test
    void lateMoneyAndItsRefundAreCountedApartFromRevenue() {
        String lateReceived = "insurepay_payments_received_amount_total{currency=\"SGD\",late=\"true\"}";
        String lateRefunded = "insurepay_refunds_amount_total{currency=\"SGD\",late=\"true\"}";
        double received = value(lateReceived);
        double refunded = value(lateRefunded);
        double revenue = value(RECEIVED_AMOUNT);
        JsonPath p = api().body(purchase(unique("qlate"), 15000)).post("/api/payments").then().statusCode(201).extract().jsonPath();
        String id = p.getString("payment_intent_id");
        Sandbox.pay(p.getString("session_id"), "4242424242424242");
        payments.apply(id, Transition.to(PaymentStatus.CANCELLED, TransitionCause.api("cancel raced the payment")));
        outcomes.applyPaid(id, stripe.retrieveSession(p.getString("session_id")), TransitionCause.reconciliation("late"));
        assertEquals(received + 15000, value(lateReceived));
        assertEquals(revenue, value(RECEIVED_AMOUNT), "money to give back is not revenue");

        lateMoney.run();
        api().get("/api/payments/" + id).then().body("payment_status", equalTo("refunded"));
        assertTrue(value(lateRefunded) >= refunded + 15000, "the late money's refund is counted as late");
    }

    @Test
    void aCancelIsCountedWhereCheckoutServiceAppliesIt() {
        double cancelled = value(CANCELLED);
        String id = api().body(purchase(unique("qc"), 15000)).post("/api/payments").then().statusCode(201)
                .extract().path("payment_intent_id");
        api().body(Map.of("reason", "changed my mind")).post("/api/payments/" + id + "/cancel").then().statusCode(200);
        assertEquals(cancelled + 1, value(CANCELLED));
        api().post("/api/payments/" + id + "/cancel").then().statusCode(409);
        assertEquals(cancelled + 1, value(CANCELLED), "a refused cancel counts nothing");
    }

    @Test
    void mailsAreCountedByKind() {
        double sent = value(LINK_MAIL_SENT);
        String quote = unique("qmail");
        api().body(saveForLater("user-" + quote, 12000)).put("/api/quotes/" + quote + "/payment-link").then().statusCode(201);
        api().body(Map.of("customer_email", "carol@example.com", "customer_name", "Carol"))
                .post("/api/quotes/" + quote + "/payment-link/email").then().statusCode(200);
        assertEquals(sent + 1, value(LINK_MAIL_SENT));
    }

    @Test
    void reconciliationAndPolicyGaugesAreExportedAndLabelsStayBounded() {
        reconciliation.run();
        autoIssuer.sweep();
        String text = metrics();
        for (String name : new String[] {"checkout_reconciliation_backlog", "checkout_reconciliation_last_run_seconds",
                "checkout_policy_due", "checkout_policy_due_oldest_seconds", "checkout_reconciliation_runs_total"}) {
            assertTrue(Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ").matcher(text).find(), name + " exported");
        }
        Matcher lastRun = Pattern.compile("(?m)^checkout_reconciliation_last_run_seconds(?:\\{[^}]*})? (\\S+)$").matcher(text);
        assertTrue(lastRun.find());
        assertTrue(Double.parseDouble(lastRun.group(1)) > 1.7e9, "the last run's time, in Unix seconds");
        for (String line : text.split("\n")) {
            if (line.startsWith("insurepay_") && line.contains("{")) {
                // The labels only: the name itself is insure*pay_*...
                String labels = line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1);
                assertFalse(labels.contains("pay_") || labels.contains("@") || labels.contains("tenant") || labels.contains("user"),
                        "no ids, tenants or e-mails in labels: " + line);
            }
        }
    }

    static String metrics() {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** One series' value, 0 when it does not exist yet. */
    static double value(String series) {
        for (String line : metrics().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }
}
