package com.insurepay.gateway;

import com.insurepay.gateway.auth.McpTokenRepository;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.vertx.core.MultiMap;
import java.time.Duration;

/** MCP test clients that present a real token from the table, as an assistant would. */
public final class McpClients {

    private static String token;

    private McpClients() {
    }

    /** One token per test JVM: created on first use through the same repository `token create` uses. */
    public static synchronized String token(McpTokenRepository tokens) {
        if (token == null) {
            token = tokens.create("tests", Duration.ofHours(1)).secret();
        }
        return token;
    }

    public static McpStreamableTestClient connected(McpTokenRepository tokens) {
        String bearer = "Bearer " + token(tokens);
        return McpAssured.newStreamableClient()
                .setAdditionalHeaders(message -> MultiMap.caseInsensitiveMultiMap().add("Authorization", bearer))
                .build()
                .connect();
    }
}
