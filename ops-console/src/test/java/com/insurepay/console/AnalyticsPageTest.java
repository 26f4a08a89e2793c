package com.insurepay.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.insurepay.common.analytics.AnalyticsRollup;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.table.TableName;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Daily revenue and conversion from the analytics aggregates, drawn as inline SVG. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class AnalyticsPageTest {

    @Inject
    TestData data;

    @Inject
    DynamoDbClient client;

    @Inject
    TableName table;

    @Test
    void chartsAndTableShowTheDaysFigures() {
        Instant day = Instant.parse("2026-03-02T10:00:00Z");
        for (int i = 0; i < 4; i++) {
            Payment p = data.checkout("acme", TestData.unique("user_"), TestData.unique("quote_"), day.plusSeconds(i));
            if (i < 3) {
                data.paid(p, TestData.unique("evt_"));
            }
        }
        // What checkout-service's scheduled rollup does: count the changed payments into the day items.
        new AnalyticsRollup(client, table.value(), Clock.systemUTC(), new SimpleMeterRegistry(), 10_000).sweep();

        Login.operator().queryParam("from", "2026-03-01").queryParam("to", "2026-03-03").get("/t/acme/analytics").then().statusCode(200)
                .body(containsString("<svg class=\"chart\""))
                .body(containsString("aria-labelledby=\"revenue-chart-title revenue-chart-desc\""))
                .body(containsString("<title id=\"conversion-chart-title\">Daily conversion</title>"))
                .body(containsString(
                        "<th scope=\"row\">2026-03-02</th><td class=\"num\">4</td><td class=\"num\">3</td><td class=\"num\">75%</td><td class=\"num\">SGD 450.00</td>"))
                .body(containsString("03-02: SGD 450.00"))
                .body(containsString("75% (3 of 4)"))
                .body(containsString("<th scope=\"row\">2026-03-01</th><td class=\"num\">0</td>"))
                .body(not(containsString("style=")))
                .body(not(containsString("<script")));
    }

    @Test
    void aPeriodWithoutPaymentsStillDrawsItsAxes() {
        Login.operator().queryParam("from", "2020-01-01").queryParam("to", "2020-01-07").get("/t/default/analytics").then().statusCode(200)
                .body(containsString("<svg class=\"chart\"")).body(containsString("id=\"figure-started\">0"));
    }

    @Test
    void badPeriodsAreA400() {
        Login.operator().queryParam("from", "2026-03-05").queryParam("to", "2026-03-01").get("/t/default/analytics").then().statusCode(400)
                .body(containsString("must not be after"));
        Login.operator().queryParam("from", "2025-01-01").queryParam("to", "2025-12-31").get("/t/default/analytics").then().statusCode(400)
                .body(containsString("at most 92 days"));
        Login.operator().queryParam("currency", "XYZ").get("/t/default/analytics").then().statusCode(400);
    }
}
