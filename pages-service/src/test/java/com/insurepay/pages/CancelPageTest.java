package com.insurepay.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class CancelPageTest {

    @Inject
    TestPayments seed;

    @Test
    void leavingAnOpenCheckoutSaysNothingWasTakenAndOffersTheWayBack() {
        Payment pending = seed.inState(PaymentStatus.PENDING);
        given().queryParam("session_id", pending.stripeSessionId())
                .when().get("/cancel")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(allOf(containsString("<h1>You left the checkout</h1>"), containsString("has not been taken"),
                        containsString("Your assistant can send you a new payment link"),
                        containsString("href=\"" + TestPayments.CHECKOUT_URL + pending.stripeSessionId() + "\""),
                        containsString(pending.paymentId()), containsString("SGD 150.00"), containsString("Not paid"),
                        not(containsString("Waiting for confirmation"))));
    }

    @Test
    void cancelAfterPayingPointsToTheReceipt() {
        Payment paid = seed.inState(PaymentStatus.COMPLETED);
        given().queryParam("session_id", paid.stripeSessionId())
                .when().get("/cancel")
                .then().statusCode(200)
                .body(allOf(containsString("This payment was already made"),
                        containsString("href=\"/success?session_id=" + paid.stripeSessionId() + "\""),
                        not(containsString("has not been taken"))));
    }

    @Test
    void closedCheckoutOffersANewLinkButNoWayBack() {
        Payment expired = seed.inState(PaymentStatus.EXPIRED);
        given().queryParam("session_id", expired.stripeSessionId())
                .when().get("/cancel")
                .then().statusCode(200)
                .body(allOf(containsString("This checkout is closed"), containsString("new payment link"),
                        not(containsString("Go back to the checkout"))));
    }

    @Test
    void unknownOrMalformedSessionGivesTheFriendly404() {
        given().queryParam("session_id", "cs_test_unknown42").when().get("/cancel")
                .then().statusCode(404).body(containsString("We could not find this page"));
        given().queryParam("session_id", "../../etc/passwd").when().get("/cancel")
                .then().statusCode(404).body(containsString("We could not find this page"));
        given().when().get("/cancel")
                .then().statusCode(404).body(containsString("We could not find this page"));
    }
}
