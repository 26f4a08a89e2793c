package com.insurepay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MCP over Streamable HTTP with nothing but java.net.http: one session, initialised once, then a JSON-RPC
 * {@code tools/call} per call. What an MCP call costs without a client SDK (compare with the MCP Java SDK's).
 */
final class RawMcpClient {

    private static final AtomicLong IDS = new AtomicLong();
    private final URI url;
    private final String token;
    private final String session;

    RawMcpClient(URI url, String token) throws Exception {
        this.url = url;
        this.token = token;
        HttpResponse<String> init = post(null, Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(), "method", "initialize", "params",
                Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(), "clientInfo",
                        Map.of("name", "bench-raw", "version", "1"))));
        session = init.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IllegalStateException(init.body()));
        post(session, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
    }

    /** @throws IllegalStateException when the call fails or the tool answers with an error */
    void callTool(String name, Map<String, Object> arguments) throws Exception {
        HttpResponse<String> r = post(session, Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(), "method", "tools/call", "params",
                Map.of("name", name, "arguments", arguments)));
        String body = r.body();
        // A JSON body, or one SSE event carrying it.
        int data = body.indexOf("data:");
        JsonNode message = BenchMain.JSON.readTree(data >= 0 ? body.substring(data + 5).trim() : body);
        if (r.statusCode() != 200 || message.has("error") || message.path("result").path("isError").asBoolean(false)) {
            throw new IllegalStateException(r.statusCode() + ": " + body);
        }
    }

    private HttpResponse<String> post(String sessionId, Object message) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(BenchMain.JSON.writeValueAsString(message)));
        if (sessionId != null) {
            b.header("Mcp-Session-Id", sessionId).header("Mcp-Protocol-Version", "2025-06-18");
        }
        return BenchMain.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
