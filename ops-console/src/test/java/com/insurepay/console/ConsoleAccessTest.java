package com.insurepay.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class ConsoleAccessTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/t/default/payments", "/t/default/payments/pay_01JX", "/t/default/deliveries", "/t/default/mismatches",
            "/t/default/analytics", "/t/unknown/payments"})
    void everyPageSendsAnUnauthenticatedVisitorToTheLoginPage(String path) {
        given().redirects().follow(false).get(path).then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void theLoginPageIsOpenAndLabelled() {
        given().get("/login").then().statusCode(200).body(containsString("<label for=\"j_username\">User name</label>"))
                .body(containsString("action=\"/j_security_check\""));
    }

    @Test
    void aWrongPasswordShowsTheLoginPageAgainWithItsError() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("j_username", "operator")
                .formParam("j_password", "wrong").post("/j_security_check").then().statusCode(302)
                .header("Location", endsWith("/login?error=true"));
        given().get("/login?error=true").then().statusCode(401).body(containsString("role=\"alert\""));
    }

    @Test
    void anOperatorSeesEveryTenantOfTheConsole() {
        Login.operator().get("/").then().statusCode(200).body(containsString("href=\"/t/default/payments\""))
                .body(containsString("href=\"/t/acme/payments\"")).body(containsString("Signed in as <strong>operator</strong>"));
        Login.operator().get("/t/acme/payments").then().statusCode(200).body(containsString("Tenant: <strong>acme</strong>"));
    }

    @Test
    void anOperatorOfOneTenantSeesOnlyThatTenant() {
        Login.as("acme-operator").get("/").then().statusCode(200).body(containsString("href=\"/t/acme/payments\""))
                .body(not(containsString("/t/default/")));
        Login.as("acme-operator").get("/t/acme/deliveries").then().statusCode(200);
        Login.as("acme-operator").get("/t/default/payments").then().statusCode(404);
        Login.as("acme-operator").get("/t/default/analytics").then().statusCode(404);
    }

    @Test
    void aTenantThatIsNotTheConsolesIsNotFound() {
        Login.operator().get("/t/other/payments").then().statusCode(404).body(containsString("Not found"));
    }

    @Test
    void someoneWithoutTheOperatorRoleIsRefused() {
        Login.as("stranger").get("/t/default/payments").then().statusCode(403);
        Login.as("stranger").get("/").then().statusCode(403);
    }

    @Test
    void signingOutForgetsTheSessionCookie() {
        Login.operator().post("/logout").then().statusCode(303).header("Location", endsWith("/login"))
                .header("Set-Cookie", containsString("quarkus-credential=;"));
    }

    @Test
    void healthStaysOpenForProbes() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
