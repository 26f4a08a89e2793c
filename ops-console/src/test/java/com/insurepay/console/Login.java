package com.insurepay.console;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Signs in through the local form login, as a browser does, and carries its session cookie. */
final class Login {

    static final String PASSWORD = "test-password";
    static final String COOKIE = "quarkus-credential";

    private Login() {
    }

    static String cookie(String user) {
        String cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie(COOKIE);
        if (cookie == null) {
            throw new IllegalStateException("no session cookie for " + user);
        }
        return cookie;
    }

    static RequestSpecification as(String user) {
        return given().redirects().follow(false).cookie(COOKIE, cookie(user));
    }

    static RequestSpecification operator() {
        return as("operator");
    }
}
