package com.insurepay.webhook.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.DeliveryRecord;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Optional;

/** Posts a signed event to the endpoint, as Stripe does, and reads what the service logged about it. */
public final class Deliveries {

    public static final String PATH = "/webhook/stripe";
    /** The delivery log is written off the request path; in tests it follows within milliseconds. */
    public static final Duration LOG_WAIT = Duration.ofSeconds(10);

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

    /** The delivery log record of an event, once the asynchronous writer has stored it. */
    public static DeliveryRecord awaitRecord(DeliveryLog log, String eventId) {
        return await("delivery record of " + eventId).atMost(LOG_WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> log.find(eventId), Optional::isPresent).orElseThrow();
    }
}
