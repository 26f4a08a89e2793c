package com.insurepay.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;

import com.insurepay.console.rest.SecurityHeadersFilter;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** The strict CSP and the other headers on every kind of response; no inline script or style anywhere. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class SecurityHeadersTest {

    @Test
    void pagesLoginRedirectsStaticFilesAndErrorsAllCarryThem() {
        strict(Login.operator().get("/t/default/payments").then().statusCode(200)).header("Cache-Control", "no-store")
                .body(not(containsString("<script"))).body(not(containsString("style=")));
        strict(given().get("/login").then().statusCode(200)).body(not(containsString("<script")));
        strict(given().redirects().follow(false).get("/t/default/payments").then().statusCode(302));
        strict(given().get("/static/console.css").then().statusCode(200)).header("Cache-Control", not(equalTo("no-store")));
        strict(Login.operator().get("/t/default/nothing-here").then().statusCode(404));
        strict(given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void theLoginCookieIsHttpOnlyAndSameSiteStrict() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("j_username", "operator")
                .formParam("j_password", Login.PASSWORD).post("/j_security_check").then().statusCode(302)
                .header("Set-Cookie", containsStringIgnoringCase("httponly")).header("Set-Cookie", containsString("SameSite=Strict"));
    }

    private static ValidatableResponse strict(ValidatableResponse response) {
        return response.header("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer");
    }
}
