package com.insurepay.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs scripts/inspector-check.sh (the official MCP Inspector CLI from npm) against this running gateway, with a
 * real token and a WireMock checkout-service. Skipped, with the reason, where npx/npm are missing or the Inspector
 * cannot be installed.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
@ConnectWireMock
class InspectorCheckTest {

    WireMock wiremock;

    @Inject
    McpTokenRepository tokens;

    @TestHTTPResource("/mcp")
    URL mcpUrl;

    @Test
    void inspectorListsToolsAndChecksAPaymentWithABearerToken() throws Exception {
        Assumptions.assumeTrue(onPath("npx") && onPath("npm"), "npx/npm not on PATH: the MCP Inspector CLI cannot run here");
        wiremock.register(get(urlEqualTo("/api/payments/pay_inspector")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CheckoutStubs.payment("pay_inspector", "pending", null))));

        Path log = Files.createTempFile("inspector-check", ".log");
        Process process = new ProcessBuilder("bash", "scripts/inspector-check.sh", mcpUrl.toString(),
                McpClients.token(tokens), "pay_inspector")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "inspector-check.sh did not finish in 5 minutes:\n" + output);
        Assumptions.assumeTrue(process.exitValue() != 3, "the MCP Inspector could not be installed or run here:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("\"payment_status\""), output);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
