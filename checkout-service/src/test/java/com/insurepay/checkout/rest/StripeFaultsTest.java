package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;

import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.StripeStandIn;
import com.insurepay.checkout.support.StripeStandInResource;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Stripe failing on its side or not answering: 503, a safe sentence, and the payment marked failed with a reason. */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeStandInResource.class)
class StripeFaultsTest {

    @Test
    void stripeAnswering500GivesUnavailableAndAFailedPayment() {
        StripeStandIn.get().mode(StripeStandIn.Mode.FAIL_500);
        String paymentId = api().body(purchase(unique("q500"), 15000)).post("/api/payments")
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("payment_provider_unavailable"))
                .body("detail", not(containsString("10.0.0.7")))
                .body("payment_intent_id", startsWith("pay_"))
                .extract().path("payment_intent_id");
        api().get("/api/payments/" + paymentId).then().statusCode(200)
                .body("payment_status", equalTo("failed"))
                .body("failure_reason", equalTo("payment_provider_unavailable"))
                .body("session_id", nullValue());
    }

    @Test
    void stripeTimingOutGivesUnavailable() {
        StripeStandIn.get().mode(StripeStandIn.Mode.HANG);
        try {
            long started = System.nanoTime();
            api().body(purchase(unique("qhang"), 15000)).post("/api/payments")
                    .then().statusCode(503).body("code", equalTo("payment_provider_unavailable"));
            org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - started < 3_500_000_000L,
                    "the read timeout, not the stand-in, must end the call");
        } finally {
            StripeStandIn.get().mode(StripeStandIn.Mode.FAIL_500);
        }
    }
}
