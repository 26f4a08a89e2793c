package com.insurepay.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.policy.Policy;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class SuccessPageTest {

    @Inject
    TestPayments seed;

    @Test
    void completedPaymentShowsTheReceiptWithMaskedEmail() {
        Payment paid = seed.inState(PaymentStatus.COMPLETED);
        given().queryParam("session_id", paid.stripeSessionId())
                .when().get("/success")
                .then().statusCode(200)
                .contentType(ContentType.HTML)
                .header("Content-Type", containsString("charset=UTF-8"))
                .header("Cache-Control", "no-store")
                .body(allOf(containsString("<h1>Payment received</h1>"), containsString("Travel Insurance Plus"),
                        containsString("SGD 150.00"), containsString(paid.paymentId()), containsString("a***@example.com"),
                        containsString("Paid on"), containsString("UTC"), containsString("What happens next"),
                        not(containsString("alice@example.com")), not(containsString(paid.userId())),
                        not(containsString(paid.quoteId())), not(containsString("processing.js"))));
    }

    @Test
    void receiptShowsThePolicyNumberOnceIssued() {
        Payment paid = seed.inState(PaymentStatus.COMPLETED);
        Policy policy = seed.issuePolicy(paid);
        given().queryParam("session_id", paid.stripeSessionId())
                .when().get("/success")
                .then().statusCode(200)
                .body(allOf(containsString(policy.policyNumber()),
                        containsString("Your policy " + policy.policyNumber() + " has been issued.")));
    }

    @Test
    void zeroDecimalCurrencyIsFormattedForItsCurrency() {
        Payment pending = seed.pendingCheckout("Ski Cover Japan", 5_000, "JPY", "kenji@example.jp");
        Payment paid = seed.move(pending, PaymentStatus.COMPLETED);
        given().queryParam("session_id", paid.stripeSessionId())
                .when().get("/success")
                .then().statusCode(200)
                .body(allOf(containsString("JPY 5,000"), containsString("k***@example.jp")));
    }

    @Test
    void pendingPaymentShowsTheProcessingPageThatPollsFromAnExternalScript() {
        Payment pending = seed.inState(PaymentStatus.PENDING);
        given().queryParam("session_id", pending.stripeSessionId())
                .when().get("/success")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(allOf(containsString("<h1>Confirming your payment</h1>"),
                        containsString("<script src=\"/static/processing.js\" defer></script>"),
                        containsString("data-status-url=\"/api/sessions/" + pending.stripeSessionId() + "/status\""),
                        containsString("data-poll-ms=\"500\""), containsString("data-wait-ms=\"4000\""),
                        containsString("id=\"slow-notice\""), containsString(pending.paymentId()),
                        containsString("href=\"/success?session_id=" + pending.stripeSessionId() + "\"")));
    }

    @ParameterizedTest
    @CsvSource({
            "EXPIRED, This checkout has expired, No money has been taken.",
            "CANCELLED, This payment was cancelled, No money has been taken.",
            "REFUNDED, This payment has been refunded, the full amount has been refunded",
            "PARTIALLY_REFUNDED, Part of this payment has been refunded, SGD 50.00 has been refunded",
            "DISPUTED, This payment is being reviewed, Your bank told us",
            "PAID_AFTER_CLOSE, Your payment came after this checkout had closed, we are giving it back in full"})
    void everyOtherStateSaysWhatHappenedAndWhatToDo(PaymentStatus status, String title, String explanation) {
        Payment payment = seed.inState(status);
        given().queryParam("session_id", payment.stripeSessionId())
                .when().get("/success")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(allOf(containsString("<h1>" + title + "</h1>"), containsString(explanation),
                        containsString(payment.paymentId()), not(containsString("Payment received")),
                        not(containsString("processing.js"))));
    }

    /** Declined once, then paid: the customer lands here before the completion event, while the payment is failed. */
    @Test
    void aFailedPaymentOnTheSuccessPageIsStillBeingConfirmed() {
        Payment failed = seed.inState(PaymentStatus.FAILED);
        given().queryParam("session_id", failed.stripeSessionId())
                .when().get("/success")
                .then().statusCode(200)
                .body(allOf(containsString("<h1>Confirming your payment</h1>"),
                        containsString("<script src=\"/static/processing.js\" defer></script>"),
                        containsString("Waiting for confirmation"), not(containsString("declined")),
                        not(containsString("did not go through"))));
    }

    @Test
    void productNameIsHtmlEscaped() {
        Payment pending = seed.pendingCheckout("<script>alert('x')</script> Cover & more", 15_000, "SGD", "eve@example.com");
        Payment paid = seed.move(pending, PaymentStatus.COMPLETED);
        given().queryParam("session_id", paid.stripeSessionId())
                .when().get("/success")
                .then().statusCode(200)
                .body(allOf(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Cover &amp; more"),
                        not(containsString("<script>alert"))));
    }

    @Test
    void pagesUseNoInlineScriptOrStyleSoTheStrictCspHolds() {
        Payment pending = seed.inState(PaymentStatus.PENDING);
        given().queryParam("session_id", pending.stripeSessionId())
                .when().get("/success")
                .then().statusCode(200)
                .body(allOf(not(containsString("<script>")), not(containsString("style=")), not(containsString("<style")),
                        not(containsString("onclick")), not(containsString("http://")), not(containsString("https://"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cs_test_doesnotexist000", "abc", "cs_", "cs_test<script>", "pay_01ABC", "cs_test_x' OR '1'='1"})
    void unknownOrMalformedSessionGivesTheFriendly404(String sessionId) {
        given().queryParam("session_id", sessionId)
                .when().get("/success")
                .then().statusCode(404)
                .contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(allOf(containsString("We could not find this page"), not(containsString("Exception")),
                        not(containsString("<script>"))));
    }

    @Test
    void wellFormedUnknownSessionOffersToCheckAgainBecauseALinkPaymentMayNotBeRecordedYet() {
        given().queryParam("session_id", "cs_test_link_not_yet_seen")
                .when().get("/success")
                .then().statusCode(404)
                .body(allOf(containsString("It can take a minute"),
                        containsString("href=\"/success?session_id=cs_test_link_not_yet_seen\""),
                        containsString("<script src=\"/static/recheck.js\" defer></script>")));
        given().queryParam("session_id", "cs_test<b>")
                .when().get("/success")
                .then().statusCode(404)
                .body(allOf(containsString("We could not find this page"), not(containsString("Check again")),
                        not(containsString("recheck.js"))));
    }

    @Test
    void missingSessionIdGivesTheFriendly404() {
        given().when().get("/success")
                .then().statusCode(404)
                .body(containsString("We could not find this page"));
    }
}
