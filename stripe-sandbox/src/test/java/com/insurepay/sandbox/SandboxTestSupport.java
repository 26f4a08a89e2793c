package com.insurepay.sandbox;

import static io.restassured.RestAssured.given;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/** Shared by the @QuarkusTest classes: a clean sandbox per test and a real stripe-java client on it. */
public abstract class SandboxTestSupport {

    protected StripeClient stripe;

    @BeforeEach
    void resetSandbox() {
        given().post("/sandbox/reset").then().statusCode(200);
        stripe = client("sk_test_sandbox");
    }

    protected static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }

    protected static StripeClient client(String apiKey) {
        String base = baseUrl();
        return StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(base)
                .setConnectBase(base)
                .setFilesBase(base)
                .setMeterEventsBase(base)
                .setMaxNetworkRetries(0)
                .build();
    }

    /** A session like checkout-service creates: price_data, metadata on session and PaymentIntent. */
    protected static SessionCreateParams.Builder sessionParams(long amount, String currency) {
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(
                        SessionCreateParams.LineItem.builder()
                                .setQuantity(1L)
                                .setPriceData(
                                        SessionCreateParams.LineItem.PriceData.builder()
                                                .setCurrency(currency)
                                                .setUnitAmount(amount)
                                                .setProductData(
                                                        SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                                                .setName("Travel Insurance Plus")
                                                                .setDescription("7 days, Asia")
                                                                .build())
                                                .build())
                                .build())
                .setClientReferenceId("pay_123")
                .setCustomerEmail("jane@example.com")
                .putMetadata("payment_id", "pay_123")
                .putMetadata("quote_id", "q_9")
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putMetadata("payment_id", "pay_123").build())
                .setExpiresAt(Instant.now().getEpochSecond() + 3600)
                .setSuccessUrl(baseUrl() + "/q/health/ready?session_id={CHECKOUT_SESSION_ID}")
                .setCancelUrl(baseUrl() + "/q/health/live?session_id={CHECKOUT_SESSION_ID}")
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .setLocale(SessionCreateParams.Locale.EN)
                .addExpand("line_items");
    }

    protected Session createSession(long amount, String currency) throws StripeException {
        return stripe.v1().checkout().sessions().create(sessionParams(amount, currency).build());
    }

    protected static JsonPath pay(String sessionId, String card) {
        return given()
                .contentType("application/x-www-form-urlencoded")
                .formParam("card", card)
                .post("/sandbox/checkout/sessions/" + sessionId + "/pay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
