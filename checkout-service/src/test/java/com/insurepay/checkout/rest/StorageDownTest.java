package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.StripeStandIn;
import com.insurepay.checkout.support.StripeStandInResource;
import com.insurepay.checkout.support.UnreachableDynamoDbResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** DynamoDB unreachable: 503 storage_unavailable and Stripe is never called (the payment must be written first). */
@QuarkusTest
@WithTestResource(UnreachableDynamoDbResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeStandInResource.class)
class StorageDownTest {

    @Test
    void initiateWithoutStorageMakesNoStripeCall() {
        int before = StripeStandIn.get().requests();
        api().body(purchase(unique("qdown"), 15000)).post("/api/payments")
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("storage_unavailable"))
                .body("detail", containsString("nothing was charged"));
        assertEquals(before, StripeStandIn.get().requests(), "no Stripe call may be made when the payment cannot be stored");
    }

    @Test
    void saveForLaterWithoutStorageMakesNoStripeCall() {
        int before = StripeStandIn.get().requests();
        api().body(saveForLater("u-down", 15000)).put("/api/quotes/" + unique("qdown") + "/payment-link")
                .then().statusCode(503).body("code", equalTo("storage_unavailable"));
        assertEquals(before, StripeStandIn.get().requests());
    }
}
