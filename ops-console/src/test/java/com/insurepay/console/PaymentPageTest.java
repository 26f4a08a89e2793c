package com.insurepay.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.EmailRecord;
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
                .body(containsString("The payment link e-mail comes from the quote&#39;s saved link"))
                .body(not(containsString("alice@example.com")))
                .extract().asString();
        assertTrue(page.indexOf("created as pending") < page.indexOf("pending → completed"), "oldest first");
        assertTrue(page.indexOf("pending → completed") < page.indexOf("completed → partially refunded"), "oldest first");
    }

    /** Counted by the analytics: its snapshot item under the payment's partition is no refund request. */
    @Test
    void aPaymentWithNothingButItsCreationSaysSo() {
        Payment p = data.checkout("acme");
        data.rolledUp();
        assertFalse(data.statsCounted(p).isEmpty(), "the rollup wrote the payment's snapshot item");
        Login.operator().get("/t/acme/payments/" + p.paymentId()).then().statusCode(200)
                .body(containsString("id=\"no-refunds\"")).body(containsString("id=\"no-events\""))
                .body(containsString("No payment link e-mail is recorded")).body(containsString("id=\"policy-number\">–"))
                .body(containsString("None is recorded for this payment.")).body(not(containsString("kind-email")));
    }

    @Test
    void theTimelineShowsEachRecordedEmailAsAnEmailRowInTimeOrder() {
        Instant created = Instant.now().minusSeconds(600);
        Payment p = data.checkout("default", TestData.unique("user_"), TestData.unique("quote_"), created);
        Payment paid = data.paid(p, TestData.unique("evt_"));
        Policy policy = data.issuePolicy(paid);
        // Times chosen to fall between the history entries (only the creation can be dated back): the page must merge the
        // records in by time, not append them.
        data.emailed(paid, created.plusSeconds(60), EmailRecord.Kind.POLICY_CONFIRMATION, EmailRecord.Outcome.FAILED, "system", null);
        data.emailed(paid, created.plusSeconds(120), EmailRecord.Kind.POLICY_CONFIRMATION, EmailRecord.Outcome.SENT,
                "mcp:assistant-7", "req-mail-7");
        data.emailed(paid, policy.issuedAt().plusSeconds(60), EmailRecord.Kind.LATE_PAYMENT_REFUNDED, EmailRecord.Outcome.SENT,
                "reconciliation", null);

        String page = Login.operator().get("/t/default/payments/" + p.paymentId()).then().statusCode(200)
                .body(containsString("<tr class=\"entry-email-failed\">"))
                .body(containsString("<span class=\"kind kind-email-failed\">E-mail</span> policy confirmation not sent: the mail "
                        + "server did not take it"))
                .body(containsString("<span class=\"kind kind-email\">E-mail</span> policy confirmation e-mailed"))
                .body(containsString("<span class=\"kind kind-email\">E-mail</span> &quot;nothing was charged&quot; notice "
                        + "(late money refunded) e-mailed"))
                .body(containsString("mcp:assistant-7")).body(containsString("req-mail-7"))
                .body(containsString("Policy confirmations and &quot;nothing was charged&quot; notices come from the payment&#39;s "
                        + "e-mail records"))
                .body(not(containsString("None is recorded for this payment.")))
                .body(containsString("No payment link e-mail is recorded for this payment."))
                .body(not(containsString("alice@example.com")))
                .extract().asString();
        int createdRow = page.indexOf("created as pending");
        int failedRow = page.indexOf("policy confirmation not sent");
        int sentRow = page.indexOf("policy confirmation e-mailed");
        int completedRow = page.indexOf("pending → completed");
        int noticeRow = page.indexOf("notice (late money refunded) e-mailed");
        assertTrue(createdRow < failedRow && failedRow < sentRow && sentRow < completedRow, "in time order with the history");
        assertTrue(page.indexOf("policy " + policy.policyNumber() + " issued") < noticeRow, "after the policy");
        assertTrue(noticeRow < page.indexOf("id=\"refunds-heading\""), "inside the timeline");
        assertTrue(page.substring(failedRow, page.indexOf("</tr>", failedRow)).contains("<td>failed</td>"), "its outcome");
    }

    @Test
    void paymentLinkEmailsRecordedOnThePaymentSupersedeTheSavedLinksLastOne() {
        Payment p = data.checkout("default");
        Instant sent = Instant.now();
        data.emailed(p, sent.minusSeconds(30), EmailRecord.Kind.PAYMENT_LINK, EmailRecord.Outcome.FAILED, "mcp:assistant-1", "req-l1");
        data.emailed(p, sent, EmailRecord.Kind.PAYMENT_LINK, EmailRecord.Outcome.SENT, "mcp:assistant-1", "req-l2");
        data.savedLinkMailed(p, sent, "alice@example.com");

        String page = Login.operator().get("/t/default/payments/" + p.paymentId()).then().statusCode(200)
                .body(containsString("payment link not sent: the mail server did not take it"))
                .body(containsString("Payment link e-mails come from the payment&#39;s e-mail records too"))
                .body(not(containsString("payment link e-mailed to"))).extract().asString();
        assertTrue(page.indexOf("payment link not sent") < page.indexOf("payment link e-mailed"), "both attempts, in order");
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        Login.operator().get("/t/default/payments/pay_01JXXXXXXXXXXXXXXXXXXXXXXX").then().statusCode(404);
    }
}
