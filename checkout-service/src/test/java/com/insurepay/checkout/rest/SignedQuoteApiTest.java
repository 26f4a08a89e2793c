package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.QuoteKeysResource;
import com.insurepay.checkout.support.QuoteTokens;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** checkout.quotes.verification=required: the price is the insurer's signed quote's, never the caller's. */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
@WithTestResource(QuoteKeysResource.class)
class SignedQuoteApiTest {

    QuoteTokens tokens;

    @BeforeEach
    void keys() {
        // Read, not injected: an injected property would be required of every test application in the module.
        tokens = new QuoteTokens(ConfigProvider.getConfig().getValue(QuoteKeysResource.KEYS_DIR, String.class));
    }

    private static Map<String, Object> initiate(String quote, String token) {
        Map<String, Object> body = new HashMap<>(Map.of("user_id", "user-" + quote, "quote_id", quote,
                "customer_email", "alice@example.com"));
        if (token != null) {
            body.put("quote_token", token);
        }
        return body;
    }

    private static ValidatableResponse refused(Map<String, Object> body, String code) {
        return api().body(body).post("/api/payments").then().statusCode(400).body("code", equalTo(code))
                .body("field", equalTo("quote_token"));
    }

    @Test
    void aValidTokenSetsThePriceAndTheSameTokenAgainReturnsTheSameCheckout() {
        String quote = unique("qsig");
        String token = tokens.sign(quote, 15000);
        JsonPath first = api().body(initiate(quote, token)).post("/api/payments").then().statusCode(201)
                .body("amount", equalTo(15000)).body("currency", equalTo("SGD"))
                .body("product_name", equalTo("Travel Insurance - Gold")).extract().jsonPath();
        api().body(initiate(quote, token)).post("/api/payments").then().statusCode(200).body("created", equalTo(false))
                .body("payment_intent_id", equalTo(first.getString("payment_intent_id")))
                .body("checkout_url", equalTo(first.getString("checkout_url")));
    }

    @Test
    void explicitValuesThatAgreeAreAcceptedAndOnesThatDisagreeAreRefusedWithWhatTheQuoteSays() {
        String quote = unique("qmis");
        String token = tokens.sign(quote, 15000);
        Map<String, Object> cheaper = initiate(quote, token);
        cheaper.put("amount", 100);
        String detail = refused(cheaper, "quote_mismatch").extract().path("detail");
        assertTrue(detail.contains("the quote says SGD 150.00".substring(4)) && detail.contains("new quote"), detail);

        Map<String, Object> otherCurrency = initiate(quote, token);
        otherCurrency.put("currency", "USD");
        refused(otherCurrency, "quote_mismatch").body("detail", containsString("SGD 150.00"));

        Map<String, Object> otherProduct = initiate(quote, token);
        otherProduct.put("product_name", "Travel Insurance - Platinum");
        refused(otherProduct, "quote_mismatch").body("detail", containsString("Travel Insurance - Gold"));

        Map<String, Object> agreeing = initiate(quote, token);
        agreeing.putAll(Map.of("amount", 15000, "currency", "sgd", "product_name", "Travel Insurance - Gold"));
        api().body(agreeing).post("/api/payments").then().statusCode(201).body("amount", equalTo(15000));
    }

    @Test
    void aMissingTokenIsRequired() {
        Map<String, Object> body = initiate(unique("qnone"), null);
        body.putAll(Map.of("amount", 15000, "currency", "SGD", "product_name", "Travel Insurance"));
        refused(body, "quote_token_required").body("detail", containsString("quote_token is required"));
    }

    @Test
    void expiredUnsignedTamperedMalformedAndForeignKeyTokensAreInvalid() throws Exception {
        String quote = unique("qbad");
        refused(initiate(quote, tokens.expired(quote, 15000)), "quote_token_invalid").body("detail", containsString("expired"));
        String good = tokens.sign(quote, 15000);
        refused(initiate(quote, QuoteTokens.unsigned(good)), "quote_token_invalid");
        refused(initiate(quote, QuoteTokens.tampered(good, json -> json.replace("15000", "100"))), "quote_token_invalid");
        refused(initiate(quote, "not-a-jwt"), "quote_token_invalid");
        // Signed by a key the insurer never published, under the kid of a trusted one.
        refused(initiate(quote, tokens.sign("rogue", quote, 15000, "Travel Insurance - Gold")), "quote_token_invalid");
        api().get("/api/payments?user_id=user-" + quote).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aTokenOfAnotherQuoteTenantOrUserIsAMismatch() {
        String quote = unique("qother");
        refused(initiate(quote, tokens.sign(unique("qelse"), 15000)), "quote_mismatch").body("detail", containsString(quote));
        refused(initiate(quote, tokens.sign("new", quote, 15000, "Travel Insurance - Gold", "--tenant", "other-insurer")),
                "quote_mismatch");
        refused(initiate(quote, tokens.sign("new", quote, 15000, "Travel Insurance - Gold", "--user-id", "someone-else")),
                "quote_mismatch");
        api().body(initiate(quote, tokens.sign("new", quote, 15000, "Travel Insurance - Gold", "--tenant", "default",
                "--user-id", "user-" + quote))).post("/api/payments").then().statusCode(201);
    }

    @Test
    void bothKeysOfARotationAreTrusted() {
        String quote = unique("qrot");
        api().body(initiate(quote, tokens.sign("old", quote, 15000, "Travel Insurance - Gold"))).post("/api/payments")
                .then().statusCode(201).body("amount", equalTo(15000));
        String next = unique("qrot2");
        api().body(initiate(next, tokens.sign("new", next, 20000, "Travel Insurance - Gold"))).post("/api/payments")
                .then().statusCode(201).body("amount", equalTo(20000));
    }

    @Test
    void saveForLaterTakesThePriceAndTheAddressFromTheToken() {
        String quote = unique("qlater");
        String token = tokens.sign("new", quote, 42000, "Home Insurance - Silver", "--customer-email", "bob@example.com");
        api().body(Map.of("user_id", "u-later", "quote_token", token)).put("/api/quotes/" + quote + "/payment-link")
                .then().statusCode(201).body("amount", equalTo(42000)).body("product_name", equalTo("Home Insurance - Silver"));
        api().body(Map.of("user_id", "u-later", "quote_token", token, "amount", 1000))
                .put("/api/quotes/" + quote + "/payment-link").then().statusCode(400).body("code", equalTo("quote_mismatch"))
                .body("detail", containsString("SGD 420.00"));
        api().body(Map.of("user_id", "u-later", "customer_email", "bob@example.com", "amount", 42000, "currency", "SGD",
                "product_name", "Home Insurance - Silver")).put("/api/quotes/" + unique("qlater2") + "/payment-link")
                .then().statusCode(400).body("code", equalTo("quote_token_required"));
    }
}
