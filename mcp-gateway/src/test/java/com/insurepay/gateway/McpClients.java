package com.insurepay.gateway;

import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.gateway.auth.Scope;
import com.insurepay.gateway.auth.TokenLimits;
import io.quarkiverse.mcp.server.ClientCapability;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** MCP test clients that present a real token from the table, as an assistant would. */
public final class McpClients {

    public static final String TENANT = "tenant-tests";
    /** Generous ceilings, so tests about something else never trip over them. */
    public static final TokenLimits GENEROUS = new TokenLimits(Map.of("SGD", 10_000_000L, "USD", 10_000_000L),
            Map.of("SGD", 1_000_000_000L, "USD", 1_000_000_000L), 10_000, 10_000);

    private static String token;

    private McpClients() {
    }

    /** One all-scopes token per test JVM: created on first use through the same repository `token create` uses. */
    public static synchronized String token(McpTokenRepository tokens) {
        if (token == null) {
            token = create(tokens, "tests", TENANT, EnumSet.allOf(Scope.class), GENEROUS);
        }
        return token;
    }

    public static String create(McpTokenRepository tokens, String name, String tenant, Set<Scope> scopes, TokenLimits limits) {
        return tokens.create(name, tenant, scopes, limits, Duration.ofHours(1)).secret();
    }

    public static McpStreamableTestClient connected(McpTokenRepository tokens) {
        return connected(token(tokens));
    }

    public static McpStreamableTestClient connected(String secret, ClientCapability... capabilities) {
        String bearer = "Bearer " + secret;
        return McpAssured.newStreamableClient()
                .setClientCapabilities(capabilities)
                .setAdditionalHeaders(message -> MultiMap.caseInsensitiveMultiMap().add("Authorization", bearer))
                .build()
                .connect();
    }
}
