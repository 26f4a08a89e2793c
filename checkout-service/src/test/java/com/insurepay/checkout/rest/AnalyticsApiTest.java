package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.checkout.service.ReconciliationService;
import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.Sandbox;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.common.analytics.AnalyticsRollup;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/analytics after refunds (partial, full, a repeated one), a cancel, an expiry and a reconciliation, against
 * the real stripe-sandbox and dynamodb-sandbox; each test its own tenant, so the figures are exact.
 */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
class AnalyticsApiTest {

    @Inject
    ReconciliationService reconciliation;

    @Inject
    AnalyticsRollup rollup;

    @Test
    void refundsCancelExpiryAndReconciliationAreReportedExactly() {
        String tenant = unique("insurer");
        // Paid (found by reconciliation), refunded in part, then the rest; a third refund is refused.
        String refundedInFull = paid(tenant, 15000);
        as(tenant).header("Idempotency-Key", "a-" + refundedInFull).body(Map.of("amount", 5000))
                .post("/api/payments/" + refundedInFull + "/refunds").then().statusCode(200);
        as(tenant).body(Map.of()).post("/api/payments/" + refundedInFull + "/refunds").then().statusCode(200)
                .body("payment_status", equalTo("refunded"));
        as(tenant).body(Map.of()).post("/api/payments/" + refundedInFull + "/refunds").then().statusCode(409);
        // A partial refund asked twice with the same key: once.
        String refundedInPart = paid(tenant, 15000);
        for (int i = 0; i < 2; i++) {
            as(tenant).header("Idempotency-Key", "b-" + refundedInPart).body(Map.of("amount", 6000))
                    .post("/api/payments/" + refundedInPart + "/refunds").then().statusCode(200).body("refunded_amount", equalTo(6000));
        }
        paid(tenant, 20000);
        String cancelled = initiate(tenant).getString("payment_intent_id");
        as(tenant).body(Map.of()).post("/api/payments/" + cancelled + "/cancel").then().statusCode(200);
        JsonPath toExpire = initiate(tenant);
        given().baseUri(StripeSandboxResource.baseUrl()).auth().oauth2(Sandbox.KEY)
                .post("/v1/checkout/sessions/" + toExpire.getString("session_id") + "/expire").then().statusCode(200);
        reconciliation.reconcileNow(toExpire.getString("payment_intent_id"));
        as(tenant).get("/api/payments/" + toExpire.getString("payment_intent_id")).then().body("payment_status", equalTo("expired"));
        initiate(tenant); // still pending

        as(tenant).get("/api/analytics").then().statusCode(200).body("totals.started", equalTo(0))
                .body("rollup_backlog", equalTo(6));
        rollup.sweep();

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as(tenant).get("/api/analytics").then().statusCode(200)
                .body("tenant", equalTo(tenant))
                .body("from", equalTo(LocalDate.now(ZoneOffset.UTC).minusDays(6).toString()))
                .body("to", equalTo(today))
                .body("product_name", nullValue())
                .body("totals.started", equalTo(6)).body("totals.started_buy_now", equalTo(6))
                .body("totals.started_pay_later", equalTo(0))
                .body("totals.completed", equalTo(3)).body("totals.pending", equalTo(1)).body("totals.cancelled", equalTo(1))
                .body("totals.expired", equalTo(1)).body("totals.failed", equalTo(0)).body("totals.paid_after_close", equalTo(0))
                .body("totals.refunds", equalTo(2)).body("totals.disputes", equalTo(0))
                .body("conversion.overall", equalTo(0.5f)).body("conversion.buy_now", equalTo(0.5f))
                .body("conversion.pay_later", nullValue())
                .body("revenue", hasSize(1))
                .body("revenue[0].currency", equalTo("SGD")).body("revenue[0].gross", equalTo(50000))
                .body("revenue[0].refunded", equalTo(21000)).body("revenue[0].net", equalTo(29000))
                .body("revenue[0].net_display", equalTo("SGD 290.00"))
                .body("time_to_pay.paid_payments", equalTo(3)).body("time_to_pay.median", startsWith("≤"))
                .body("days", hasSize(7)).body("days[6].date", equalTo(today)).body("days[6].started", equalTo(6))
                .body("days[6].gross.SGD", equalTo(50000)).body("days[0].started", equalTo(0))
                .body("rollup_backlog", equalTo(0)).body("as_of", notNullValue());
        // Only its own tenant's payments, and only the product asked for.
        as(unique("other")).get("/api/analytics").then().statusCode(200).body("totals.started", equalTo(0));
        as(tenant).queryParam("product_name", "Another Product").get("/api/analytics").then().statusCode(200)
                .body("totals.started", equalTo(0)).body("product_name", equalTo("Another Product"));
        as(tenant).queryParam("product_name", "Travel Insurance - Gold").queryParam("from", today).queryParam("to", today)
                .get("/api/analytics").then().statusCode(200).body("totals.started", equalTo(6)).body("days", hasSize(1));
    }

    @Test
    void badPeriodsAreA400NamingTheField() {
        api().queryParam("from", "2026-12-05").queryParam("to", "2026-12-01").get("/api/analytics").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_error")).body("field", equalTo("from"))
                .body("detail", equalTo("From (2026-12-05) must not be after to (2026-12-01)."));
        api().queryParam("from", "2025-01-01").queryParam("to", "2026-12-01").get("/api/analytics").then().statusCode(400)
                .body("field", equalTo("from")).body("detail", containsString("at most 366 days"));
        api().queryParam("to", "2026-13-01").get("/api/analytics").then().statusCode(400).body("field", equalTo("to"))
                .body("detail", equalTo("to must be a date as YYYY-MM-DD (UTC), e.g. 2026-12-01."));
        api().queryParam("from", "yesterday").get("/api/analytics").then().statusCode(400).body("field", equalTo("from"));
        api().queryParam("product_name", "p".repeat(201)).get("/api/analytics").then().statusCode(400)
                .body("field", equalTo("product_name"));
        given().get("/api/analytics").then().statusCode(401);
    }

    private static RequestSpecification as(String tenant) {
        return api().header(CallerParams.TENANT_HEADER, tenant);
    }

    private static JsonPath initiate(String tenant) {
        return initiate(tenant, 15000);
    }

    private static JsonPath initiate(String tenant, long amount) {
        return as(tenant).body(purchase(unique("qa"), amount)).post("/api/payments").then().statusCode(201).extract().jsonPath();
    }

    /** Paid on the sandbox; completed the way a missed webhook is: by reconciliation. */
    private String paid(String tenant, long amount) {
        JsonPath p = initiate(tenant, amount);
        assertEquals("succeeded", Sandbox.pay(p.getString("session_id"), "4242424242424242").getString("outcome"));
        String id = p.getString("payment_intent_id");
        reconciliation.reconcileNow(id);
        as(tenant).get("/api/payments/" + id).then().body("payment_status", equalTo("completed"));
        return id;
    }
}
