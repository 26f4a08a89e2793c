package com.insurepay.webhook.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;

/** Posts a signed event to the endpoint, as Stripe does. */
public final class Deliveries {

    public static final String PATH = "/webhook/stripe";

    private Deliveries() {
    }

    public static ValidatableResponse deliver(String body) {
        return deliver(body, StripeSigner.header(body, StripeSigner.PRIMARY_SECRET));
    }

    public static ValidatableResponse deliver(String body, String signatureHeader) {
        return given().contentType("application/json; charset=utf-8")
                .header("Stripe-Signature", signatureHeader)
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .body(body)
                .when().post(PATH)
                .then();
    }

    /** The outcome the endpoint reported ({@code applied}, {@code stale}, {@code duplicate}, ...); asserts 200. */
    public static String outcomeOf(String body) {
        return deliver(body).statusCode(200).extract().path("outcome");
    }
}
