package com.insurepay.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.StripeEvidence;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A payment's page: its timeline from every item that records something about it. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class PaymentPageTest {

    @Inject
    TestData data;

    @Inject
    PaymentRepository payments;

    @Test
    void theTimelineShowsHistoryActorsStripeEventsRefundsPolicyAndEmails() {
        Payment p = data.checkout("default");
        String completion = TestData.unique("evt_");
        Payment paid = data.paid(p, completion);
        data.delivery(completion, "checkout.session.completed", p.stripeSessionId(), p.paymentId(), "applied", Instant.now());
        // Money of another session that names this payment: recorded as refused, never applied.
        String forged = TestData.unique("evt_");
        payments.apply(p.paymentId(), Transition.to(PaymentStatus.COMPLETED, TransitionCause.webhook(forged, "checkout.session.completed"))
                .with(PaymentChanges.paid("pi_other")).provenBy(StripeEvidence.session("cs_test_other", null, "pi_other", 100L, "sgd")));
        data.delivery(forged, "checkout.session.completed", "cs_test_other", p.paymentId(), "mismatch", Instant.now());
        Policy policy = data.issuePolicy(paid);
        data.refundRequest(paid, 5_000, "succeeded", "re_" + TestData.unique(""));
        data.move(paid, PaymentStatus.PARTIALLY_REFUNDED, PaymentChanges.NONE.withRefundedAmount(5_000), TestData.unique("evt_"));
        data.savedLinkMailed(paid, Instant.now(), "alice@example.com");

        String page = Login.operator().get("/t/default/payments/" + p.paymentId()).then().statusCode(200)
                .body(containsString("<h1>Payment <span class=\"id\">" + p.paymentId()))
                .body(containsString("partially refunded"))
                .body(containsString("mcp:assistant-1")).body(containsString("conv-42")).body(containsString("initiate_purchase"))
                .body(containsString(completion)).body(containsString(forged))
                .body(containsString("<span class=\"outcome outcome-mismatch\">mismatch</span>"))
                .body(containsString("Refused")).body(containsString("refund of SGD 50.00 requested"))
                .body(containsString("customer changed travel plans")).body(containsString("req-refund-1"))
                .body(containsString("id=\"policy-number\">" + policy.policyNumber()))
                .body(containsString("id=\"policy-status\">active"))
                .body(containsString("policy " + policy.policyNumber() + " issued"))
                .body(containsString("payment link e-mailed to a***@example.com"))
                .body(containsString("id=\"payment-email\">a***@example.com"))
                .body(containsString("Policy confirmations"))
                .body(not(containsString("alice@example.com")))
                .extract().asString();
        assertTrue(page.indexOf("created as pending") < page.indexOf("pending → completed"), "oldest first");
        assertTrue(page.indexOf("pending → completed") < page.indexOf("completed → partially refunded"), "oldest first");
    }

    @Test
    void aPaymentWithNothingButItsCreationSaysSo() {
        Payment p = data.checkout("acme");
        Login.operator().get("/t/acme/payments/" + p.paymentId()).then().statusCode(200)
                .body(containsString("id=\"no-refunds\"")).body(containsString("id=\"no-events\""))
                .body(containsString("No payment link e-mail is recorded")).body(containsString("id=\"policy-number\">–"));
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        Login.operator().get("/t/default/payments/pay_01JXXXXXXXXXXXXXXXXXXXXXXX").then().statusCode(404);
    }
}
