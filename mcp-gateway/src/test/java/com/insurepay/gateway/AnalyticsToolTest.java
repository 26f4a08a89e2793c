package com.insurepay.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.gateway.auth.Scope;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkiverse.mcp.server.test.McpAssured.ToolInfo;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** payment_analytics against a WireMock stub of checkout-service's GET /api/analytics. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
@ConnectWireMock
class AnalyticsToolTest {

    static final String REPORT = """
            {"tenant": "%s", "from": "2026-11-27", "to": "2026-12-03", "product_name": null,
             "totals": {"started": 12, "started_buy_now": 10, "started_pay_later": 2, "pending": 1, "completed": 9,
                        "completed_buy_now": 8, "completed_pay_later": 1, "failed": 1, "expired": 1, "cancelled": 0,
                        "paid_after_close": 0, "refunds": 1, "disputes": 0},
             "conversion": {"overall": 0.75, "buy_now": 0.8, "pay_later": 0.5},
             "time_to_pay": {"paid_payments": 9, "median_at_most_seconds": 300, "median": "≤ 5 min",
                             "p90_at_most_seconds": 3600, "p90": "≤ 1 h", "histogram": []},
             "revenue": [{"currency": "SGD", "gross": 135000, "refunded": 5000, "net": 130000, "gross_display": "SGD 1,350.00",
                          "refunded_display": "SGD 50.00", "net_display": "SGD 1,300.00"}],
             "top_failure_reasons": [{"reason": "your_card_was_declined", "count": 2}],
             "days": [{"date": "2026-12-03", "started": 12, "completed": 9, "conversion": 0.75, "gross": {"SGD": 135000}}],
             "as_of": "2026-12-03T07:00:00.000Z", "rollup_backlog": 0}
            """;

    WireMock wiremock;

    @Inject
    McpTokenRepository tokens;

    @BeforeEach
    void reset() {
        wiremock.resetMappings();
        wiremock.resetRequests();
    }

    private static ToolResponse call(McpStreamableTestClient client, Map<String, Object> args) {
        AtomicReference<ToolResponse> result = new AtomicReference<>();
        client.when().toolsCall("payment_analytics", args, result::set).thenAssertResults();
        return result.get();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void theReportOfThePeriodForTheTokensTenantWithASummary() {
        wiremock.register(get(urlPathEqualTo("/api/analytics")).willReturn(json(200, REPORT.formatted(McpClients.TENANT))));
        try (McpStreamableTestClient client = McpClients.connected(tokens)) {
            ToolResponse r = call(client, Map.of("from", "2026-11-27", "to", "2026-12-03", "product_name", " Travel Insurance - Gold "));
            assertFalse(r.isError(), r.toString());
            JsonObject s = Json.structured(r);
            assertEquals("12 payments started from 2026-11-27 to 2026-12-03, 9 completed (75.0%); net SGD 1,300.00.",
                    s.getString("summary"));
            assertEquals(9, s.getJsonObject("totals").getInteger("completed"));
            assertEquals(0.8, s.getJsonObject("conversion").getDouble("buy_now"));
            assertEquals("≤ 5 min", s.getJsonObject("time_to_pay").getString("median"));
            assertEquals("SGD 1,300.00", s.getJsonArray("revenue").getJsonObject(0).getString("net_display"));
            assertEquals("your_card_was_declined", s.getJsonArray("top_failure_reasons").getJsonObject(0).getString("reason"));
            assertEquals(135000, s.getJsonArray("days").getJsonObject(0).getJsonObject("gross").getInteger("SGD"));
            assertTrue(s.getString("note").contains("day it was started"));
            assertFalse(s.containsKey("tenant"), "the tenant is the token's; the model needs not see it");
        }
        wiremock.verifyThat(getRequestedFor(urlPathEqualTo("/api/analytics"))
                .withQueryParam("from", equalTo("2026-11-27")).withQueryParam("to", equalTo("2026-12-03"))
                .withQueryParam("product_name", equalTo("Travel Insurance - Gold"))
                .withHeader("X-Insurepay-Tenant", equalTo(McpClients.TENANT))
                .withHeader("Authorization", equalTo(CheckoutStubs.SERVICE_TOKEN)));
    }

    @Test
    void withoutArgumentsCheckoutServiceChoosesTheLastSevenDays() {
        wiremock.register(get(urlPathEqualTo("/api/analytics")).willReturn(json(200, REPORT.formatted(McpClients.TENANT))));
        try (McpStreamableTestClient client = McpClients.connected(tokens)) {
            assertFalse(call(client, Map.of()).isError());
        }
        wiremock.verifyThat(getRequestedFor(urlPathEqualTo("/api/analytics")).withQueryParam("from", absent())
                .withQueryParam("to", absent()).withQueryParam("product_name", absent()));
    }

    @Test
    void aLongPeriodComesWithoutItsDailySeries() {
        StringBuilder days = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            days.append(i == 0 ? "" : ",").append("{\"date\": \"2026-10-").append(10 + i % 20)
                    .append("\", \"started\": 0, \"completed\": 0, \"gross\": {}}");
        }
        String report = REPORT.formatted(McpClients.TENANT).replaceFirst("\"days\": \\[.*\\],", "\"days\": [" + days + "],");
        wiremock.register(get(urlPathEqualTo("/api/analytics")).willReturn(json(200, report)));
        try (McpStreamableTestClient client = McpClients.connected(tokens)) {
            JsonObject s = Json.structured(call(client, Map.of("from", "2026-10-10", "to", "2026-11-18")));
            assertNull(s.getJsonArray("days"), "a small result for a long period");
            assertEquals(12, s.getJsonObject("totals").getInteger("started"));
        }
    }

    @Test
    void aMalformedDateIsAToolErrorTheModelCanActOnAndCallsNothing() {
        try (McpStreamableTestClient client = McpClients.connected(tokens)) {
            ToolResponse r = call(client, Map.of("from", "last monday"));
            assertTrue(r.isError());
            String text = Json.text(r);
            assertTrue(text.startsWith("The argument from must be a UTC day as YYYY-MM-DD, e.g. "), text);
            assertTrue(text.contains("got \"last monday\""), text);
            assertTrue(call(client, Map.of("to", "2026-02-30")).isError(), "no such day");
        }
        wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/analytics")));
    }

    @Test
    void aPeriodCheckoutServiceRefusesIsItsSentence() {
        wiremock.register(get(urlPathEqualTo("/api/analytics")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", CheckoutStubs.PROBLEM_JSON).withBody(CheckoutStubs.problem(400, "validation_error",
                        "From (2026-12-05) must not be after to (2026-12-01).", "from"))));
        try (McpStreamableTestClient client = McpClients.connected(tokens)) {
            ToolResponse r = call(client, Map.of("from", "2026-12-05", "to", "2026-12-01"));
            assertTrue(r.isError());
            assertEquals("From (2026-12-05) must not be after to (2026-12-01).", Json.text(r));
        }
    }

    @Test
    void aTokenWithoutReadIsRefusedAndDoesNotSeeTheTool() {
        String secret = McpClients.create(tokens, "analytics-no-read", "acme", EnumSet.of(Scope.PURCHASE, Scope.LINKS),
                McpClients.GENEROUS);
        try (McpStreamableTestClient client = McpClients.connected(secret)) {
            client.when().toolsList(page -> assertFalse(page.tools().stream().map(ToolInfo::name).toList().contains("payment_analytics")))
                    .thenAssertResults();
            ToolResponse r = call(client, Map.of());
            assertTrue(r.isError());
            assertTrue(Json.text(r).contains("needs the 'read' permission"), Json.text(r));
        }
        wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/analytics")));
        String reader = McpClients.create(tokens, "analytics-read", "acme", EnumSet.of(Scope.READ), McpClients.GENEROUS);
        try (McpStreamableTestClient client = McpClients.connected(reader)) {
            client.when().toolsList(page -> assertTrue(Set.copyOf(page.tools().stream().map(ToolInfo::name).toList())
                    .contains("payment_analytics"))).thenAssertResults();
        }
    }
}
