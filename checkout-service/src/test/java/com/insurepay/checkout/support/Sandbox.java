package com.insurepay.checkout.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;

/** Drives the sandbox like a customer (hosted pages, test cards) and reads what the service made there. */
public final class Sandbox {

    public static final String KEY = "sk_test_sandbox";

    private Sandbox() {
    }

    public static JsonPath pay(String sessionId, String card) {
        return given().baseUri(StripeSandboxResource.baseUrl()).formParam("card", card)
                .post("/sandbox/checkout/sessions/" + sessionId + "/pay").then().statusCode(200).extract().jsonPath();
    }

    /** Pays like a bank debit: the session completes unpaid, its PaymentIntent processing until {@link #settle}. */
    public static JsonPath payDelayed(String sessionId) {
        return given().baseUri(StripeSandboxResource.baseUrl()).formParam("card", "4242424242424242")
                .formParam("settlement", "delayed")
                .post("/sandbox/checkout/sessions/" + sessionId + "/pay").then().statusCode(200).extract().jsonPath();
    }

    /** The money of a processing PaymentIntent arrives. */
    public static JsonPath settle(String paymentIntentId) {
        return given().baseUri(StripeSandboxResource.baseUrl()).formParam("result", "succeeded")
                .post("/sandbox/payment_intents/" + paymentIntentId + "/settle").then().statusCode(200).extract().jsonPath();
    }

    /** Opens a payment link like a browser does (a new session for it) and returns that session's id. */
    public static String openPaymentLink(String url) {
        String location = given().redirects().follow(false).get(url).then().statusCode(303).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public static JsonPath get(String path) {
        return given().baseUri(StripeSandboxResource.baseUrl()).auth().oauth2(KEY).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    public static void webhooks(boolean paused) {
        given().baseUri(StripeSandboxResource.baseUrl()).post("/sandbox/webhooks/" + (paused ? "pause" : "resume"))
                .then().statusCode(200).body("paused", equalTo(paused));
    }
}
