package com.insurepay.checkout.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** REST Assured with the service token, and request bodies the tests reuse. */
public final class Api {

    public static final String TOKEN = "test-checkout-token";

    private Api() {
    }

    public static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static Map<String, Object> purchase(String quoteId, long amount) {
        return Map.of("user_id", "user-" + quoteId, "quote_id", quoteId, "amount", amount, "currency", "SGD",
                "product_name", "Travel Insurance - Gold", "customer_email", "alice@example.com");
    }

    public static Map<String, Object> saveForLater(String userId, long amount) {
        return Map.of("user_id", userId, "customer_email", "bob@example.com", "product_name", "Home Insurance - Silver",
                "amount", amount, "currency", "SGD", "notes", "customer wants to think it over");
    }
}
