package com.insurepay.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An independent MCP client (the official MCP Java SDK) talking Streamable HTTP to the gateway with the stack's
 * bearer token — exactly what an assistant's host application does.
 */
final class Mcp implements AutoCloseable {

    private final McpSyncClient client;

    Mcp() {
        this(Stack.env("MCP_TOKEN"));
    }

    /** A client with another token (another tenant, other scopes). */
    Mcp(String token) {
        URI url = URI.create(Stack.env("MCP_URL"));
        String base = url.getScheme() + "://" + url.getAuthority();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(url.getPath())
                .customizeRequest(b -> b.header("Authorization", "Bearer " + token))
                .build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
    }

    McpSchema.ListToolsResult listTools() {
        return client.listTools();
    }

    /** Calls a tool that must succeed; returns its structured result. */
    JsonNode call(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertFalse(Boolean.TRUE.equals(result.isError()), tool + " failed: " + text(result));
        assertTrue(result.structuredContent() != null, tool + " has no structuredContent");
        return Stack.JSON.valueToTree(result.structuredContent());
    }

    /** Calls a tool that must fail as a tool error; returns the sentence it gave. */
    String callExpectingError(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertTrue(Boolean.TRUE.equals(result.isError()), tool + " should have failed but returned " + text(result));
        return text(result);
    }

    static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .filter(c -> c instanceof McpSchema.TextContent)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
