package com.insurepay.bench;

import com.insurepay.testsupport.LocalQuoteEngine;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Splits the MCP overhead of {@code initiate_purchase} (goal 4): the same purchase straight to checkout-service, as one
 * raw JSON-RPC {@code tools/call} over Streamable HTTP (java.net.http, one session per sender, initialised once), and
 * through the MCP Java SDK client the bench uses, in alternating rounds of one run.
 * {@code java -cp ... com.insurepay.bench.McpSplit <stack home> [per round] [rounds] [threads]}, with
 * {@code BENCH_MCP_TOKEN} a token without the stack token's rate limit.
 */
final class McpSplit {

    private final Map<String, String> env = new HashMap<>();
    private final String token;
    private final LocalQuoteEngine quotes;

    McpSplit(Path home) throws Exception {
        for (String line : Files.readAllLines(home.resolve("env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        token = System.getenv().getOrDefault("BENCH_MCP_TOKEN", env.get("MCP_TOKEN"));
        quotes = new LocalQuoteEngine(home);
    }

    public static void main(String[] args) throws Exception {
        McpSplit split = new McpSplit(Path.of(args[0]));
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        split.run(perRound, rounds, threads);
    }

    void run(int perRound, int rounds, int threads) throws Exception {
        // -Dsplit.mcp=label=url,label=url compares several gateways (e.g. before/after a change) in the same rounds.
        Map<String, String> gateways = new LinkedHashMap<>();
        for (String g : System.getProperty("split.mcp", "gateway=" + env.get("MCP_URL")).split(",")) {
            gateways.put(g.substring(0, g.indexOf('=')), g.substring(g.indexOf('=') + 1));
        }
        boolean sdk = Boolean.parseBoolean(System.getProperty("split.sdk", "true"));
        Map<String, Load.Operation> ops = new LinkedHashMap<>();
        ops.put("direct REST", i -> direct());
        List<McpSyncClient> clients = new ArrayList<>();
        for (Map.Entry<String, String> g : gateways.entrySet()) {
            URI mcpUrl = URI.create(g.getValue());
            List<RawMcpClient> raw = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                raw.add(new RawMcpClient(mcpUrl, token));
            }
            ops.put("raw JSON-RPC " + g.getKey(), i -> raw.get(i % threads).callTool("initiate_purchase", arguments("split-raw")));
            if (sdk) {
                List<McpSyncClient> mine = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport
                            .builder(mcpUrl.getScheme() + "://" + mcpUrl.getAuthority()).endpoint(mcpUrl.getPath())
                            .customizeRequest(b -> b.header("Authorization", "Bearer " + token)).build())
                            .requestTimeout(Duration.ofSeconds(60)).build();
                    c.initialize();
                    mine.add(c);
                }
                clients.addAll(mine);
                ops.put("MCP Java SDK " + g.getKey(), i -> {
                    McpSchema.CallToolResult r = mine.get(i % threads).callTool(new McpSchema.CallToolRequest("initiate_purchase",
                            arguments("split-sdk")));
                    if (Boolean.TRUE.equals(r.isError())) {
                        throw new IllegalStateException(r.content().toString());
                    }
                });
            }
        }
        for (Map.Entry<String, Load.Operation> op : ops.entrySet()) {
            Load.run("warm-up " + op.getKey(), 40, threads, 120, op.getValue());
        }
        Map<String, Stats> totals = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(ops.keySet());
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(names);
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String name : order) {
                Stats s = Load.run(name + " (round " + (r + 1) + ")", perRound, threads, 300, ops.get(name));
                totals.merge(name, s.named(name), Stats::plus);
            }
        }
        clients.forEach(McpSyncClient::closeGracefully);
        Stats direct = totals.get("direct REST");
        System.out.println("\n" + Stats.header());
        totals.values().forEach(s -> System.out.println(s.row()));
        for (Stats s : totals.values()) {
            System.out.printf("%s: mean %.2f ms (%.2fx direct), p50 %.2f ms (%.2fx)%n", s.name(), s.meanMillis(),
                    s.meanMillis() / direct.meanMillis(), s.percentileMillis(50), s.percentileMillis(50) / direct.percentileMillis(50));
        }
    }

    private Map<String, Object> arguments(String prefix) throws Exception {
        String quoteId = prefix + "-" + UUID.randomUUID();
        return Map.of("user_id", "bench-user", "quote_id", quoteId, "quote_token", quotes.sign(quoteId, 15000, "SGD", "Bench Cover"),
                "amount", 15000, "currency", "SGD", "product_name", "Bench Cover");
    }

    private void direct() throws Exception {
        String body = BenchMain.JSON.writeValueAsString(arguments("split-direct"));
        HttpResponse<String> response = BenchMain.HTTP.send(HttpRequest.newBuilder(URI.create(env.get("CHECKOUT_URL") + "/api/payments"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + env.get("CHECKOUT_SERVICE_TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
    }
}
