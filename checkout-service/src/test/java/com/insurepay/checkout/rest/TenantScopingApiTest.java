package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.checkout.service.ReconciliationService;
import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.Sandbox;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every read and write is scoped by the caller's tenant (X-Insurepay-Tenant): another tenant's payment is not found. */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
class TenantScopingApiTest {

    @Inject
    ReconciliationService reconciliation;

    private static RequestSpecification as(String tenant) {
        return api().header("X-Insurepay-Tenant", tenant);
    }

    @Test
    void anotherTenantsPaymentIsNotFoundForEveryAction() {
        String quote = unique("qten");
        String id = as("insurer-a").body(purchase(quote, 15000)).post("/api/payments").then().statusCode(201)
                .body("tenant", equalTo("insurer-a")).extract().path("payment_intent_id");
        String missing = as("insurer-b").get("/api/payments/pay_01JDOESNOTEXIST0000000000").then().statusCode(404)
                .extract().path("detail");

        as("insurer-b").get("/api/payments/" + id).then().statusCode(404).body("code", equalTo("not_found"))
                .body("detail", equalTo(missing.replace("pay_01JDOESNOTEXIST0000000000", id)));
        as("insurer-b").body(Map.of()).post("/api/payments/" + id + "/cancel").then().statusCode(404).body("code", equalTo("not_found"));
        as("insurer-b").body(Map.of("amount", 100)).post("/api/payments/" + id + "/refunds").then().statusCode(404)
                .body("code", equalTo("not_found"));
        as("insurer-b").post("/api/payments/" + id + "/policy").then().statusCode(404).body("code", equalTo("not_found"));
        as("insurer-b").get("/api/payments/" + id + "/policy").then().statusCode(404).body("code", equalTo("not_found"));
        // The default tenant (no header) is another tenant too.
        api().get("/api/payments/" + id).then().statusCode(404);

        // Nothing happened to it: its own tenant still sees it pending, and may cancel it.
        as("insurer-a").get("/api/payments/" + id).then().statusCode(200).body("payment_status", equalTo("pending"));
        as("insurer-a").body(Map.of()).post("/api/payments/" + id + "/refunds").then().statusCode(409);
        as("insurer-a").body(Map.of()).post("/api/payments/" + id + "/cancel").then().statusCode(200)
                .body("payment_status", equalTo("cancelled"));
    }

    @Test
    void theSameQuoteIdInTwoTenantsIsTwoQuotesAndListsAreScoped() {
        String quote = unique("qboth");
        Map<String, Object> body = purchase(quote, 15000);
        String a = as("insurer-a").body(body).post("/api/payments").then().statusCode(201).extract().path("payment_intent_id");
        String b = as("insurer-b").body(body).post("/api/payments").then().statusCode(201).extract().path("payment_intent_id");
        assertNotEquals(a, b);
        // Neither closed the other's checkout.
        as("insurer-a").get("/api/payments/" + a).then().body("payment_status", equalTo("pending"));
        as("insurer-b").get("/api/payments/" + b).then().body("payment_status", equalTo("pending"));

        String user = "user-" + quote;
        as("insurer-a").get("/api/payments?user_id=" + user).then().statusCode(200)
                .body("items.payment_intent_id", contains(a)).body("next_cursor", nullValue());
        as("insurer-b").get("/api/payments?user_id=" + user).then().statusCode(200)
                .body("items.payment_intent_id", contains(b));
        api().get("/api/payments?user_id=" + user).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aListPageIsFullEvenWhenOtherTenantsShareTheUserId() {
        String user = unique("shared-user");
        for (int i = 0; i < 3; i++) {
            for (String tenant : new String[] {"insurer-a", "insurer-b"}) {
                as(tenant).body(Map.of("user_id", user, "quote_id", unique("ql"), "amount", 15000, "currency", "SGD",
                        "product_name", "Travel Insurance")).post("/api/payments").then().statusCode(201);
            }
        }
        Response first = as("insurer-a").get("/api/payments?limit=2&user_id=" + user);
        first.then().statusCode(200).body("items", hasSize(2)).body("items.tenant", everyItem(equalTo("insurer-a")));
        String cursor = first.path("next_cursor");
        assertNotNull(cursor);
        as("insurer-a").queryParam("cursor", cursor).get("/api/payments?limit=2&user_id=" + user).then().statusCode(200)
                .body("items", hasSize(1)).body("items.tenant", everyItem(equalTo("insurer-a")));
    }

    @Test
    void theGatewaysActorRequestIdAndConversationIdAreRecordedInTheHistory() {
        String id = as("insurer-a").header("X-Insurepay-Actor", "tok_01ABC(claude desktop)")
                .header("X-Insurepay-Request-Id", "17").header("X-Insurepay-Conversation-Id", "conv-42")
                .body(purchase(unique("qtrace"), 15000)).post("/api/payments").then().statusCode(201)
                .extract().path("payment_intent_id");
        as("insurer-a").header("X-Insurepay-Actor", "tok_01ABC(claude desktop)").header("X-Insurepay-Request-Id", "18")
                .body(Map.of("reason", "changed my mind")).post("/api/payments/" + id + "/cancel").then().statusCode(200);
        as("insurer-a").get("/api/payments/" + id).then().statusCode(200)
                .body("history.actor", everyItem(equalTo("tok_01ABC(claude desktop)")))
                .body("history.request_id", contains("17", "18"))
                .body("history.conversation_id", contains("conv-42", null));
    }

    @Test
    void aRefundRecordsItsRequestAndConversationAndAnotherTenantCannotRefundThePaidPayment() {
        Response created = as("insurer-a").body(purchase(unique("qpaid"), 15000)).post("/api/payments");
        String id = created.path("payment_intent_id");
        Sandbox.pay(created.path("session_id"), "4242424242424242");
        reconciliation.reconcileNow(id);
        as("insurer-a").get("/api/payments/" + id).then().body("payment_status", equalTo("completed"));

        as("insurer-b").body(Map.of("amount", 5000)).post("/api/payments/" + id + "/refunds").then().statusCode(404)
                .body("code", equalTo("not_found"));
        as("insurer-b").post("/api/payments/" + id + "/policy").then().statusCode(404);
        as("insurer-a").header("X-Insurepay-Request-Id", "req-refund-1").header("X-Insurepay-Conversation-Id", "conv-7")
                .body(Map.of("amount", 5000)).post("/api/payments/" + id + "/refunds").then().statusCode(200)
                .body("payment_status", equalTo("partially_refunded"));
        as("insurer-a").get("/api/payments/" + id).then().statusCode(200)
                .body("history.find { it.to == 'partially_refunded' }.request_id", equalTo("req-refund-1"))
                .body("history.find { it.to == 'partially_refunded' }.conversation_id", equalTo("conv-7"));
    }

    @Test
    void savedQuotesAndTheirLinksArePerTenant() {
        String quote = unique("qlink");
        String a = as("insurer-a").body(saveForLater("u-a", 15000)).put("/api/quotes/" + quote + "/payment-link")
                .then().statusCode(201).extract().path("payment_intent_id");
        as("insurer-b").get("/api/quotes/" + quote + "/payment-link").then().statusCode(404).body("code", equalTo("not_found"));
        as("insurer-b").body(Map.of("customer_email", "eve@example.com")).post("/api/quotes/" + quote + "/payment-link/email")
                .then().statusCode(404).body("code", equalTo("not_found"));
        String b = as("insurer-b").body(saveForLater("u-b", 15000)).put("/api/quotes/" + quote + "/payment-link")
                .then().statusCode(201).extract().path("payment_intent_id");
        assertNotEquals(a, b);
        as("insurer-a").get("/api/quotes/" + quote + "/payment-link").then().statusCode(200)
                .body("payment_intent_id", equalTo(a)).body("is_active", equalTo(true));
    }
}
