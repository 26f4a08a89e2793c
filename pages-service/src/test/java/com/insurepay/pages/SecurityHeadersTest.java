package com.insurepay.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.pages.rest.SecurityHeadersFilter;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class SecurityHeadersTest {

    @Inject
    TestPayments seed;

    private static ValidatableResponse assertSecurityHeaders(ValidatableResponse response) {
        return response
                .header("Content-Security-Policy", equalTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void strictCspLeavesNoRoomForInlineOrForeignContent() {
        String csp = SecurityHeadersFilter.CONTENT_SECURITY_POLICY;
        for (String directive : new String[] {"default-src 'none'", "script-src 'self'", "style-src 'self'",
                "img-src 'self'", "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"}) {
            org.junit.jupiter.api.Assertions.assertTrue(csp.contains(directive), directive);
        }
        org.junit.jupiter.api.Assertions.assertFalse(csp.contains("unsafe"), csp);
    }

    @Test
    void pagesWithPaymentDataAreNeverStored() {
        Payment paid = seed.inState(PaymentStatus.COMPLETED);
        assertSecurityHeaders(given().queryParam("session_id", paid.stripeSessionId()).when().get("/success").then().statusCode(200))
                .header("Cache-Control", "no-store");
        assertSecurityHeaders(given().queryParam("session_id", paid.stripeSessionId()).when().get("/cancel").then().statusCode(200))
                .header("Cache-Control", "no-store");
        assertSecurityHeaders(given().when().get("/api/sessions/{id}/status", paid.stripeSessionId()).then().statusCode(200))
                .header("Cache-Control", "no-store");
    }

    @Test
    void staticFilesCarryTheHeadersAndMayBeCached() {
        assertSecurityHeaders(given().when().get("/static/processing.js").then().statusCode(200))
                .contentType(containsString("javascript"))
                .header("Cache-Control", not(containsString("no-store")));
        assertSecurityHeaders(given().when().get("/static/pages.css").then().statusCode(200))
                .contentType(containsString("text/css"));
        assertSecurityHeaders(given().when().get("/static/favicon.svg").then().statusCode(200));
    }

    @Test
    void unknownPathsGetTheFriendly404WithHeaders() {
        assertSecurityHeaders(given().accept("text/html").when().get("/no/such/page").then().statusCode(404))
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("We could not find this page"));
        assertSecurityHeaders(given().when().get("/static/missing.js").then().statusCode(404));
    }

    @Test
    void healthAndMetricsAnswerWithHeaders() {
        assertSecurityHeaders(given().when().get("/q/health/ready").then().statusCode(200))
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'payments-table' }.status", equalTo("UP"));
        assertSecurityHeaders(given().when().get("/q/health/live").then().statusCode(200));
        given().when().get("/success?session_id=cs_test_metrics_probe").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("insurepay_pages_views_total"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void noServerBannerOrStackTraceLeaks() {
        given().when().get("/success?session_id=cs_%00%3Cx%3E").then().statusCode(404)
                .header("X-Powered-By", nullValue())
                .body(not(containsString("at com.insurepay")));
    }
}
