package com.insurepay.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class SessionStatusResourceTest {

    @Inject
    TestPayments seed;

    @Test
    void pendingGivesOnlyTheStatus() {
        Payment pending = seed.inState(PaymentStatus.PENDING);
        given().when().get("/api/sessions/{id}/status", pending.stripeSessionId())
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("pending"))
                .body("receipt", nullValue())
                .body(allOf(not(containsString(pending.paymentId())), not(containsString("alice"))));
    }

    @Test
    void completedGivesTheReceiptFieldsAndNothingElse() {
        Payment paid = seed.inState(PaymentStatus.COMPLETED);
        given().when().get("/api/sessions/{id}/status", paid.stripeSessionId())
                .then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("receipt.statusLabel", equalTo("Paid"))
                .body("receipt.productName", equalTo("Travel Insurance Plus"))
                .body("receipt.amount", equalTo("SGD 150.00"))
                .body("receipt.reference", equalTo(paid.paymentId()))
                .body("receipt.maskedEmail", equalTo("a***@example.com"))
                .body("receipt.paidOn", containsString("UTC"))
                .body(allOf(not(containsString("alice@example.com")), not(containsString(paid.userId())),
                        not(containsString(paid.quoteId())), not(containsString("checkout.stripe.com")),
                        not(containsString("version"))));
    }

    @Test
    void declinedGivesTheStatusWithoutReceipt() {
        Payment failed = seed.inState(PaymentStatus.FAILED);
        given().when().get("/api/sessions/{id}/status", failed.stripeSessionId())
                .then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("receipt", nullValue());
    }

    @Test
    void unknownAndMalformedSessionsAre404WithoutDetails() {
        given().when().get("/api/sessions/{id}/status", "cs_test_nobody")
                .then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("not_found"));
        given().when().get("/api/sessions/{id}/status", "not-a-session")
                .then().statusCode(404)
                .body("error", equalTo("not_found"));
    }
}
