package com.insurepay.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class ErrorPagesTest {

    @Test
    void anUnexpectedFailureGivesAFriendlyPageWithoutDetails() {
        given().when().get("/test-only/failure")
                .then().statusCode(500)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Cache-Control", "no-store")
                .body(allOf(containsString("Something went wrong on our side"), containsString("Nothing about your payment has changed"),
                        not(containsString("sk_live")), not(containsString("IllegalStateException")), not(containsString("at com."))));
    }

    @Test
    void anUnexpectedFailureOfTheApiGivesJsonWithAnErrorIdOnly() {
        given().when().get("/api/test-only/failure")
                .then().statusCode(500)
                .contentType(containsString("application/json"))
                .body("error", equalTo("internal_error"))
                .body("message", containsString("error id"))
                .body(not(containsString("sk_live")));
    }

    @Test
    void openApiDescribesEveryPage() {
        io.restassured.RestAssured.given().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/success"))
                .body(org.hamcrest.Matchers.containsString("/cancel"))
                .body(org.hamcrest.Matchers.containsString("/policies/{policyId}.pdf"))
                .body(org.hamcrest.Matchers.containsString("/api/sessions/{sessionId}/status"));
    }
}
