package com.insurepay.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.gateway.auth.Scope;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Raw Streamable HTTP: who may reach /mcp. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class McpAccessTest {

    static final String INITIALIZE = """
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
             "capabilities": {}, "clientInfo": {"name": "access-test", "version": "1"}}}""";

    @Inject
    McpTokenRepository tokens;

    private static RequestSpecification mcp() {
        return given().contentType("application/json").accept("application/json, text/event-stream").body(INITIALIZE);
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        mcp().post("/mcp").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/mcp/sse").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void unknownTokenIs401() {
        mcp().header("Authorization", "Bearer mcp_thisTokenWasNeverIssued0000000000000000000")
                .post("/mcp").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        mcp().header("Authorization", "Bearer not-even-our-format").post("/mcp").then().statusCode(401);
        mcp().header("Authorization", "Basic dXNlcjpwYXNz").post("/mcp").then().statusCode(401);
    }

    @Test
    void validTokenIsLetIn() {
        mcp().header("Authorization", "Bearer " + McpClients.token(tokens)).post("/mcp")
                .then().statusCode(200).header("Mcp-Session-Id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void revokedTokenIs401WithinTheCacheTime() throws InterruptedException {
        McpTokenRepository.IssuedToken issued = tokens.create("soon-revoked", McpClients.TENANT, Scope.DEFAULT, McpClients.GENEROUS,
                Duration.ofHours(1));
        mcp().header("Authorization", "Bearer " + issued.secret()).post("/mcp").then().statusCode(200);

        tokens.revoke(issued.token().id());
        // %test mcp.auth.cache-ttl=1S: refused as soon as the cached entry is stale, well within 3 s.
        awaitStatus(issued.secret(), 401, Duration.ofSeconds(3));
        mcp().header("Authorization", "Bearer " + issued.secret()).post("/mcp")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void expiredTokenIs401() throws InterruptedException {
        McpTokenRepository.IssuedToken issued = tokens.create("short-lived", McpClients.TENANT, Scope.DEFAULT, McpClients.GENEROUS,
                Duration.ofMillis(500));
        awaitStatus(issued.secret(), 401, Duration.ofSeconds(3));
    }

    @Test
    void foreignBrowserOriginIs403() {
        mcp().header("Authorization", "Bearer " + McpClients.token(tokens)).header("Origin", "https://evil.example")
                .post("/mcp").then().statusCode(403);
        mcp().header("Authorization", "Bearer " + McpClients.token(tokens)).header("Origin", "http://localhost:6274")
                .post("/mcp").then().statusCode(200);
    }

    @Test
    void browserPreflightFromLocalhostIsAnsweredWithoutAToken() {
        given().header("Origin", "http://localhost:6274").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,mcp-session-id")
                .options("/mcp").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:6274");
    }

    @Test
    void reboundHostNameIs400() {
        mcp().header("Authorization", "Bearer " + McpClients.token(tokens)).header("Host", "evil.example")
                .post("/mcp").then().statusCode(400).body(equalTo("Host not allowed"));
    }

    @Test
    void healthStaysOpen() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Polls /mcp with the secret until it answers {@code status}; fails after {@code within}. */
    private static void awaitStatus(String secret, int status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        while ((last = mcp().header("Authorization", "Bearer " + secret).post("/mcp").statusCode()) != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + status + " within " + within + ", still " + last);
            }
            Thread.sleep(50);
        }
    }
}
