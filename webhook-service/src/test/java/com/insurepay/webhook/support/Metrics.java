package com.insurepay.webhook.support;

import static io.restassured.RestAssured.given;

/** Reads one series from the Prometheus endpoint, as the dashboards do. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The value of a counter series, e.g. {@code webhook_mismatches_total{type="checkout.session.completed"}}; 0 when
     * the series does not exist yet.
     */
    public static double value(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }
}
