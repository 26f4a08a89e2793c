package com.insurepay.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckoutSessionApiTest extends SandboxTestSupport {

    @Test
    void createsAndRetrievesASessionShapedLikeStripes() throws Exception {
        Session session = createSession(12_000, "SGD");

        assertTrue(session.getId().startsWith("cs_test_"));
        assertEquals("checkout.session", session.getObject());
        assertEquals(baseUrl() + "/c/pay/" + session.getId(), session.getUrl());
        assertEquals(12_000L, session.getAmountTotal());
        assertEquals("sgd", session.getCurrency());
        assertEquals("open", session.getStatus());
        assertEquals("unpaid", session.getPaymentStatus());
        assertEquals("payment", session.getMode());
        assertEquals("pay_123", session.getClientReferenceId());
        assertEquals("jane@example.com", session.getCustomerEmail());
        assertEquals("q_9", session.getMetadata().get("quote_id"));
        assertFalse(session.getLivemode());
        assertNull(session.getPaymentIntent());
        assertEquals("Travel Insurance Plus", session.getLineItems().getData().get(0).getDescription());

        Session again = stripe.v1().checkout().sessions().retrieve(session.getId());
        assertEquals(session.getExpiresAt(), again.getExpiresAt());
        assertEquals(session.getSuccessUrl(), again.getSuccessUrl());
    }

    @Test
    void zeroDecimalCurrencyAndExpandOfThePaymentIntentAfterPayment() throws Exception {
        Session session = createSession(5_000, "jpy");
        pay(session.getId(), "4242424242424242");

        Session paid = stripe.v1().checkout().sessions().retrieve(
                session.getId(), SessionRetrieveParams.builder().addExpand("payment_intent").build());
        assertEquals("complete", paid.getStatus());
        assertEquals("paid", paid.getPaymentStatus());
        assertEquals("succeeded", paid.getPaymentIntentObject().getStatus());
        assertEquals("pay_123", paid.getPaymentIntentObject().getMetadata().get("payment_id"));
        assertEquals(5_000L, paid.getPaymentIntentObject().getAmountReceived());
        assertEquals("jane@example.com", paid.getCustomerDetails().getEmail());
        assertNull(paid.getUrl(), "Stripe hides the URL once the session is no longer open");
    }

    @Test
    void listsNewestFirstWithFiltersAndPagination() throws Exception {
        Session first = createSession(1_000, "sgd");
        Session second = createSession(2_000, "sgd");
        Session third = createSession(3_000, "sgd");
        pay(second.getId(), "4242424242424242");

        StripeCollection<Session> page = stripe.v1().checkout().sessions().list(SessionListParams.builder().setLimit(2L).build());
        assertEquals(third.getId(), page.getData().get(0).getId());
        assertEquals(second.getId(), page.getData().get(1).getId());
        assertTrue(page.getHasMore());

        StripeCollection<Session> next = stripe.v1().checkout().sessions().list(
                SessionListParams.builder().setLimit(2L).setStartingAfter(second.getId()).build());
        assertEquals(1, next.getData().size());
        assertEquals(first.getId(), next.getData().get(0).getId());
        assertFalse(next.getHasMore());

        StripeCollection<Session> open = stripe.v1().checkout().sessions().list(
                SessionListParams.builder()
                        .setStatus(SessionListParams.Status.OPEN)
                        .setCreated(SessionListParams.Created.builder().setGte(Instant.now().getEpochSecond() - 60).build())
                        .build());
        assertEquals(2, open.getData().size());
        assertTrue(open.getData().stream().noneMatch(s -> s.getId().equals(second.getId())));
    }

    @Test
    void rejectsUnknownParametersNamingThem() {
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class,
                () -> stripe.v1().checkout().sessions().create(
                        sessionParams(1_000, "sgd").putExtraParam("shipping_rate", "shr_1").build()));
        assertEquals("parameter_unknown", e.getCode());
        assertEquals("shipping_rate", e.getParam());
        assertEquals(400, e.getStatusCode());
        assertTrue(e.getMessage().contains("Received unknown parameter: shipping_rate"));
    }

    @Test
    void rejectsMissingParameters() {
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class,
                () -> stripe.v1().checkout().sessions().create(sessionParams(1_000, "sgd").setSuccessUrl(null).build()));
        assertEquals("parameter_missing", e.getCode());
        assertEquals("success_url", e.getParam());

        InvalidRequestException noItems = assertThrows(
                InvalidRequestException.class,
                () -> stripe.v1().checkout().sessions().create(
                        SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT).setSuccessUrl("https://x.test/ok")
                                .build()));
        assertEquals("line_items", noItems.getParam());
    }

    @Test
    void validatesExpiresAtAmountsAndCurrencyLikeStripe() {
        long now = Instant.now().getEpochSecond();
        InvalidRequestException tooSoon = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().checkout().sessions().create(sessionParams(1_000, "sgd").setExpiresAt(now + 600).build()));
        assertEquals("expires_at", tooSoon.getParam());
        assertTrue(tooSoon.getStripeError().getMessage().contains("at least 30 minutes"));

        InvalidRequestException tooLate = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().checkout().sessions().create(sessionParams(1_000, "sgd").setExpiresAt(now + 25 * 3600).build()));
        assertTrue(tooLate.getStripeError().getMessage().contains("less than 24 hours"));

        InvalidRequestException belowMinimum = assertThrows(InvalidRequestException.class, () -> createSession(10, "usd"));
        assertTrue(belowMinimum.getStripeError().getMessage().contains("at least USD 0.50"));

        InvalidRequestException badCurrency = assertThrows(InvalidRequestException.class, () -> createSession(1_000, "xyz"));
        assertEquals("line_items[0][price_data][currency]", badCurrency.getParam());

        InvalidRequestException negative = assertThrows(InvalidRequestException.class, () -> createSession(-5, "sgd"));
        assertEquals("line_items[0][price_data][unit_amount]", negative.getParam());
    }

    @Test
    void unknownSessionIsResourceMissing() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().checkout().sessions().retrieve("cs_test_nope"));
        assertEquals("resource_missing", e.getCode());
        assertEquals(404, e.getStatusCode());
    }

    @Test
    void idempotencyReplaysTheFirstResponseAndRejectsOtherParameters() throws Exception {
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("pay_123").build();
        SessionCreateParams params = sessionParams(1_000, "sgd").setExpiresAt(Instant.now().getEpochSecond() + 7200).build();
        Session first = stripe.v1().checkout().sessions().create(params, options);
        Session replay = stripe.v1().checkout().sessions().create(params, options);
        assertEquals(first.getId(), replay.getId());
        assertEquals("true", replay.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null));

        IdempotencyException conflict = assertThrows(IdempotencyException.class,
                () -> stripe.v1().checkout().sessions().create(sessionParams(2_000, "sgd").build(), options));
        assertEquals(400, conflict.getStatusCode());
        assertTrue(conflict.getMessage().contains("same parameters"));

        Session other = stripe.v1().checkout().sessions().create(params, RequestOptions.builder().setIdempotencyKey("pay_124").build());
        assertNotEquals(first.getId(), other.getId());
    }

    @Test
    void expiresOnlyOpenSessionsAndEmitsTheEvent() throws Exception {
        Session session = createSession(1_000, "sgd");
        Session expired = stripe.v1().checkout().sessions().expire(session.getId());
        assertEquals("expired", expired.getStatus());
        assertThrows(InvalidRequestException.class, () -> stripe.v1().checkout().sessions().expire(session.getId()));

        Session paid = createSession(1_000, "sgd");
        pay(paid.getId(), "4242424242424242");
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().checkout().sessions().expire(paid.getId()));
        assertTrue(e.getStripeError().getMessage().contains("can be expired"));

        given().auth().oauth2("sk_test_x").get("/v1/events?type=checkout.session.expired")
                .then().statusCode(200).body("data.size()", equalTo(1)).body("data[0].data.object.id", equalTo(session.getId()));
    }

    @Test
    void requiresATestModeKeyAndAnswersWithStripesHeaders() {
        assertThrows(AuthenticationException.class, () -> client("sk_live_" + "notarealkey").v1().checkout().sessions().list());
        given().get("/v1/checkout/sessions").then().statusCode(401).body("error.type", equalTo("invalid_request_error"));
        given().auth().preemptive().basic("sk_test_curl", "").header("Stripe-Version", "2024-06-20")
                .get("/v1/checkout/sessions").then().statusCode(200)
                .header("Stripe-Version", "2024-06-20").header("Request-Id", startsWith("req_"));
        given().auth().oauth2("sk_test_x").get("/v1/nothing_here").then().statusCode(404)
                .body("error.message", startsWith("Unrecognized request URL"));
    }
}
