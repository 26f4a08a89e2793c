package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.checkout.service.LateMoneyService;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code checkout.paid-after-close=hold}: late money waits for an operator, visible on /q/metrics; nothing refunded. */
@QuarkusTest
@TestProfile(LateMoneyHoldTest.Hold.class)
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
class LateMoneyHoldTest {

    public static class Hold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("checkout.paid-after-close", "hold");
        }
    }

    @Inject
    LateMoneyService lateMoney;

    @Inject
    SessionOutcomes outcomes;

    @Inject
    StripeGateway stripe;

    @Inject
    PaymentRepository payments;

    @Test
    void lateMoneyIsHeldForAnOperatorAndCounted() {
        Response created = api().body(purchase(unique("qhold"), 15000)).post("/api/payments");
        String id = created.path("payment_intent_id");
        Sandbox.pay(created.path("session_id"), "4242424242424242");
        payments.apply(id, Transition.to(PaymentStatus.CANCELLED, TransitionCause.api("cancel raced the payment")));
        outcomes.applyPaid(id, stripe.retrieveSession(created.path("session_id")),
                TransitionCause.webhook("evt_h" + id, "checkout.session.completed"));

        LateMoneyService.Report report = lateMoney.run();
        assertEquals(0, report.refunded());
        assertTrue(report.held() >= 1, report.toString());
        api().get("/api/payments/" + id).then().body("payment_status", equalTo("paid_after_close"))
                .body("refundable_amount", equalTo(15000));
        String metrics = RestAssured.get("/q/metrics").asString();
        assertTrue(metrics.matches("(?s).*checkout_paid_after_close_held(\\{[^}]*})? [1-9].*"), "gauge shows the held money");
        // An operator may still give it back through the ordinary refund.
        api().body(Map.of()).post("/api/payments/" + id + "/refunds").then().statusCode(200)
                .body("payment_status", equalTo("refunded"));
    }
}
