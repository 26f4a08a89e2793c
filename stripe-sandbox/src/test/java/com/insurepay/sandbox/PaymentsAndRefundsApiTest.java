package com.insurepay.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.param.EventListParams;
import com.stripe.param.RefundCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentsAndRefundsApiTest extends SandboxTestSupport {

    @Test
    void successfulPaymentCreatesPaymentIntentChargeAndEvents() throws Exception {
        Session session = createSession(12_000, "sgd");
        JsonPath result = pay(session.getId(), "4242 4242 4242 4242");
        assertEquals("succeeded", result.getString("outcome"));
        assertEquals(baseUrl() + "/q/health/ready?session_id=" + session.getId(), result.getString("redirect_url"));

        PaymentIntent pi = stripe.v1().paymentIntents().retrieve(result.getString("payment_intent.id"));
        assertEquals("succeeded", pi.getStatus());
        assertEquals(12_000L, pi.getAmount());
        assertEquals("pay_123", pi.getMetadata().get("payment_id"));
        Charge charge = stripe.v1().charges().retrieve(pi.getLatestCharge());
        assertTrue(charge.getId().startsWith("ch_"));
        assertEquals(pi.getId(), charge.getPaymentIntent());
        assertEquals("4242", charge.getPaymentMethodDetails().getCard().getLast4());

        StripeCollection<Event> events = stripe.v1().events().list();
        List<String> types = events.getData().stream().map(Event::getType).toList();
        assertEquals(List.of("checkout.session.completed", "payment_intent.succeeded", "charge.succeeded", "payment_intent.created"),
                types);
        Event completed = stripe.v1().events().retrieve(events.getData().get(0).getId());
        Session inEvent = (Session) completed.getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals("paid", inEvent.getPaymentStatus());
        assertEquals(pi.getId(), inEvent.getPaymentIntent());
        assertEquals("2026-07-29.dahlia", completed.getApiVersion());
    }

    @Test
    void declinesKeepTheSessionOpenAndReportTheReason() throws Exception {
        Session session = createSession(5_000, "sgd");
        JsonPath declined = pay(session.getId(), "4000000000000002");
        assertEquals("declined", declined.getString("outcome"));
        assertEquals("Your card was declined.", declined.getString("error.message"));
        assertEquals("generic_decline", declined.getString("error.decline_code"));

        JsonPath funds = pay(session.getId(), "4000000000009995");
        assertEquals("insufficient_funds", funds.getString("error.decline_code"));
        JsonPath expired = pay(session.getId(), "4000000000000069");
        assertEquals("expired_card", expired.getString("error.code"));
        assertEquals("Your card has expired.", expired.getString("error.message"));

        Session stillOpen = stripe.v1().checkout().sessions().retrieve(session.getId());
        assertEquals("open", stillOpen.getStatus());
        PaymentIntent pi = stripe.v1().paymentIntents().retrieve(stillOpen.getPaymentIntent());
        assertEquals("requires_payment_method", pi.getStatus());
        assertEquals("expired_card", pi.getLastPaymentError().getCode());

        StripeCollection<Event> failures = stripe.v1().events()
                .list(EventListParams.builder().setType("payment_intent.payment_failed").build());
        assertEquals(3, failures.getData().size());
        PaymentIntent failed = (PaymentIntent) failures.getData().get(2).getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals("generic_decline", failed.getLastPaymentError().getDeclineCode());
        assertEquals("pay_123", failed.getMetadata().get("payment_id"));

        // A retry with a good card completes the same session and the same PaymentIntent.
        JsonPath ok = pay(session.getId(), "4242424242424242");
        assertEquals("succeeded", ok.getString("outcome"));
        assertEquals(pi.getId(), ok.getString("payment_intent.id"));
    }

    @Test
    void authenticationStepAndNoSecondCharge() {
        Session session = createSessionUnchecked();
        JsonPath failedAuth = given().formParam("card", "4000002500003155").formParam("authentication", "fail")
                .post("/sandbox/checkout/sessions/" + session.getId() + "/pay").then().statusCode(200).extract().jsonPath();
        assertEquals("authentication_failed", failedAuth.getString("outcome"));
        assertEquals("payment_intent_authentication_failure", failedAuth.getString("error.code"));

        JsonPath waiting = given().contentType("application/json").body("{\"card\":\"4000002500003155\",\"authentication\":\"none\"}")
                .post("/sandbox/checkout/sessions/" + session.getId() + "/pay").then().statusCode(200).extract().jsonPath();
        assertEquals("requires_action", waiting.getString("outcome"));
        assertEquals("requires_action", waiting.getString("payment_intent.status"));
        JsonPath approved = given().formParam("result", "complete").post("/sandbox/checkout/sessions/" + session.getId() + "/authenticate")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("succeeded", approved.getString("outcome"));

        given().formParam("card", "4242424242424242").post("/sandbox/checkout/sessions/" + session.getId() + "/pay")
                .then().statusCode(400).body("error.code", equalTo("checkout_session_not_open"));
        assertEquals(1, given().auth().oauth2("sk_test_x").get("/v1/events?type=charge.succeeded").jsonPath().getList("data").size());
    }

    @Test
    void refundsFullyOrPartlyButNeverMoreThanRemains() throws Exception {
        Session session = createSessionUnchecked();
        String pi = pay(session.getId(), "4242424242424242").getString("payment_intent.id");

        Refund partial = stripe.v1().refunds().create(
                RefundCreateParams.builder().setPaymentIntent(pi).setAmount(4_000L)
                        .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).putMetadata("payment_id", "pay_123").build());
        assertTrue(partial.getId().startsWith("re_"));
        assertEquals("succeeded", partial.getStatus());
        assertEquals(pi, partial.getPaymentIntent());
        assertEquals(partial.getId(), stripe.v1().refunds().retrieve(partial.getId()).getId());

        InvalidRequestException tooMuch = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi).setAmount(9_000L).build()));
        assertEquals("amount", tooMuch.getParam());
        assertTrue(tooMuch.getStripeError().getMessage().contains("greater than unrefunded amount"));

        Refund rest = stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(partial.getCharge()).build());
        assertEquals(8_000L, rest.getAmount());
        InvalidRequestException again = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi).build()));
        assertEquals("charge_already_refunded", again.getCode());

        StripeCollection<Event> refunded = stripe.v1().events().list(EventListParams.builder().setType("charge.refunded").build());
        Charge latest = (Charge) refunded.getData().get(0).getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals(12_000L, latest.getAmountRefunded());
        assertTrue(latest.getRefunded());
        Charge first = (Charge) refunded.getData().get(1).getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals(4_000L, first.getAmountRefunded());

        InvalidRequestException missing = assertThrows(InvalidRequestException.class, () -> stripe.v1().refunds().retrieve("re_nope"));
        assertEquals("resource_missing", missing.getCode());
        InvalidRequestException badReason = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().refunds()
                        .create(RefundCreateParams.builder().setPaymentIntent(pi).putExtraParam("reason", "changed_mind").build()));
        assertEquals("reason", badReason.getParam());
    }

    @Test
    void disputeTriggerEmitsChargeDisputeCreated() throws Exception {
        Session session = createSessionUnchecked();
        JsonPath paid = pay(session.getId(), "4242424242424242");
        String pi = paid.getString("payment_intent.id");
        given().post("/sandbox/payment_intents/" + pi + "/dispute").then().statusCode(200)
                .body("object", equalTo("dispute")).body("payment_intent", equalTo(pi)).body("status", equalTo("needs_response"))
                .body("id", startsWith("dp_"));
        Event event = stripe.v1().events().list(EventListParams.builder().setType("charge.dispute.created").build()).getData().get(0);
        com.stripe.model.Dispute dispute = (com.stripe.model.Dispute) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals(paid.getString("charge.id"), dispute.getCharge());
        assertEquals(12_000L, dispute.getAmount());
        assertTrue(stripe.v1().charges().retrieve(dispute.getCharge()).getDisputed());
        given().post("/sandbox/charges/" + dispute.getCharge() + "/dispute").then().statusCode(400);
    }

    @Test
    void eventsListFiltersByTypesAndPaginatesNewestFirst() throws Exception {
        Session a = createSessionUnchecked();
        pay(a.getId(), "4242424242424242");
        StripeCollection<Event> two = stripe.v1().events().list(
                EventListParams.builder().addType("checkout.session.completed").addType("charge.succeeded").build());
        assertEquals(List.of("checkout.session.completed", "charge.succeeded"), two.getData().stream().map(Event::getType).toList());
        StripeCollection<Event> page = stripe.v1().events().list(EventListParams.builder().setLimit(1L).build());
        assertTrue(page.getHasMore());
        StripeCollection<Event> next = stripe.v1().events()
                .list(EventListParams.builder().setLimit(1L).setStartingAfter(page.getData().get(0).getId()).build());
        assertEquals("payment_intent.succeeded", next.getData().get(0).getType());
        Event event = next.getData().get(0);
        assertNotNull(event.getRequest());
        assertNull(event.getRequest().getId(), "events caused by the hosted page carry no API request id");
        assertThrows(InvalidRequestException.class, () -> stripe.v1().events().retrieve("evt_nope"));
        given().auth().oauth2("sk_test_x").get("/v1/events?type=checkout.session.*").then().body("data.size()", equalTo(1));
    }

    private Session createSessionUnchecked() {
        try {
            return createSession(12_000, "sgd");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
