package com.insurepay.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.param.EventListParams;
import com.stripe.param.RefundCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code settlement=delayed} on the pay hook and {@code /sandbox/payment_intents/{id}/settle}: Checkout with an
 * asynchronous payment method (a bank debit), whose session completes unpaid and whose money settles later.
 * Everything is read back through stripe-java, so the shapes are what our services parse.
 */
@QuarkusTest
class DelayedSettlementApiTest extends SandboxTestSupport {

    @Test
    void delayedPaymentCompletesUnpaidThenSettlesWithOneChargeOfTheSessionTotal() throws Exception {
        Session session = createSession(12_000, "sgd");
        JsonPath accepted = payDelayed(session.getId());
        assertEquals("processing", accepted.getString("outcome"));
        assertNull(accepted.get("charge"), "no money has moved yet");
        assertEquals(baseUrl() + "/q/health/ready?session_id=" + session.getId(), accepted.getString("redirect_url"));

        Session unpaid = stripe.v1().checkout().sessions().retrieve(session.getId());
        assertEquals("complete", unpaid.getStatus());
        assertEquals("unpaid", unpaid.getPaymentStatus());
        PaymentIntent processing = stripe.v1().paymentIntents().retrieve(unpaid.getPaymentIntent());
        assertEquals("processing", processing.getStatus());
        assertNull(processing.getLatestCharge());
        assertEquals(0L, processing.getAmountReceived());
        assertEquals(List.of("checkout.session.completed", "payment_intent.processing", "payment_intent.created"), eventTypes());
        Session inCompleted = (Session) latest("checkout.session.completed").getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals("unpaid", inCompleted.getPaymentStatus());
        assertEquals(processing.getId(), inCompleted.getPaymentIntent());

        JsonPath settled = settle(processing.getId(), "succeeded", 200);
        assertEquals("succeeded", settled.getString("outcome"));

        PaymentIntent succeeded = stripe.v1().paymentIntents().retrieve(processing.getId());
        assertEquals("succeeded", succeeded.getStatus());
        Charge charge = stripe.v1().charges().retrieve(succeeded.getLatestCharge());
        assertEquals(unpaid.getAmountTotal(), charge.getAmount());
        assertEquals("succeeded", charge.getStatus());
        assertEquals(succeeded.getId(), charge.getPaymentIntent());
        assertEquals("paid", stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentStatus());
        assertEquals(List.of("checkout.session.async_payment_succeeded", "payment_intent.succeeded", "charge.succeeded"),
                eventTypes().subList(0, 3));
        Session inSucceeded = (Session) latest("checkout.session.async_payment_succeeded").getDataObjectDeserializer().getObject()
                .orElseThrow();
        assertEquals("paid", inSucceeded.getPaymentStatus());
        assertEquals("complete", inSucceeded.getStatus());

        // Settled money is ordinary money: it can be refunded like a card payment.
        assertEquals(12_000L, stripe.v1().refunds().create(
                RefundCreateParams.builder().setPaymentIntent(succeeded.getId()).build()).getAmount());
    }

    @Test
    void failedSettlementLeavesTheSessionUnpaidAndThePaymentIntentAskingForAnotherMethod() throws Exception {
        Session session = createSession(9_900, "sgd");
        String pi = payDelayed(session.getId()).getString("payment_intent.id");

        JsonPath failed = settle(pi, "failed", 200);
        assertEquals("declined", failed.getString("outcome"));
        assertEquals("payment_method_provider_decline", failed.getString("error.code"));

        PaymentIntent intent = stripe.v1().paymentIntents().retrieve(pi);
        assertEquals("requires_payment_method", intent.getStatus());
        assertEquals("payment_method_provider_decline", intent.getLastPaymentError().getCode());
        assertNull(intent.getLatestCharge(), "nothing was charged");
        Session after = stripe.v1().checkout().sessions().retrieve(session.getId());
        assertEquals("complete", after.getStatus());
        assertEquals("unpaid", after.getPaymentStatus());
        assertEquals(List.of("checkout.session.async_payment_failed", "payment_intent.payment_failed"), eventTypes().subList(0, 2));
        PaymentIntent inFailed = (PaymentIntent) latest("payment_intent.payment_failed").getDataObjectDeserializer().getObject()
                .orElseThrow();
        assertEquals("pay_123", inFailed.getMetadata().get("payment_id"));
        Session inAsyncFailed = (Session) latest("checkout.session.async_payment_failed").getDataObjectDeserializer().getObject()
                .orElseThrow();
        assertEquals("unpaid", inAsyncFailed.getPaymentStatus());
        assertTrue(eventTypes().stream().noneMatch(t -> t.startsWith("charge.")), "no charge event for money that never came");
    }

    @Test
    void onlyAProcessingPaymentIntentCanBeSettled() throws Exception {
        // A card paid at once: nothing to settle.
        String paidAtOnce = pay(createSession(5_000, "sgd").getId(), "4242424242424242").getString("payment_intent.id");
        given().post("/sandbox/payment_intents/" + paidAtOnce + "/settle").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("payment_intent_unexpected_state"))
                .body("error.message", containsString("succeeded"));

        // Settled once: a second settlement (either way) is refused and changes nothing.
        String delayed = payDelayed(createSession(5_000, "sgd").getId()).getString("payment_intent.id");
        settle(delayed, "succeeded", 200);
        settle(delayed, "failed", 400);
        assertEquals("succeeded", stripe.v1().paymentIntents().retrieve(delayed).getStatus());
        assertEquals(2, stripe.v1().events().list(EventListParams.builder().setType("charge.succeeded").build()).getData().size());

        given().post("/sandbox/payment_intents/pi_nope/settle").then().statusCode(404).body("error.code", equalTo("resource_missing"));
        given().formParam("result", "maybe").post("/sandbox/payment_intents/" + delayed + "/settle").then().statusCode(400)
                .body("error.param", equalTo("result"));
        given().formParam("settlement", "someday").post("/sandbox/checkout/sessions/" + createSession(5_000, "sgd").getId() + "/pay")
                .then().statusCode(400).body("error.param", equalTo("settlement"));
    }

    private static JsonPath payDelayed(String sessionId) {
        return given().formParam("card", "4242424242424242").formParam("settlement", "delayed")
                .post("/sandbox/checkout/sessions/" + sessionId + "/pay").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath settle(String paymentIntentId, String result, int expectedStatus) {
        return given().formParam("result", result).post("/sandbox/payment_intents/" + paymentIntentId + "/settle")
                .then().statusCode(expectedStatus).extract().jsonPath();
    }

    /** Every event type so far, newest first. */
    private List<String> eventTypes() throws Exception {
        return stripe.v1().events().list(EventListParams.builder().setLimit(100L).build()).getData().stream().map(Event::getType).toList();
    }

    private Event latest(String type) throws Exception {
        return stripe.v1().events().list(EventListParams.builder().setType(type).build()).getData().get(0);
    }
}
