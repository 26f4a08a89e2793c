package com.insurepay.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkiverse.mcp.server.test.McpAssured.ToolAnnotations;
import io.quarkiverse.mcp.server.test.McpAssured.ToolInfo;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class ToolsListTest {

    static final Set<String> TOOLS = Set.of("initiate_purchase", "check_payment_status", "complete_purchase",
            "cancel_payment", "save_quote_for_later", "send_payment_link", "get_payment_link", "refund_payment",
            "list_payments", "payment_analytics");

    @Inject
    McpTokenRepository tokens;

    @Test
    void listsTheTenToolsWithInputAndOutputSchemasAndDeliberateHints() {
        try (McpStreamableTestClient client = McpClients.connected(tokens)) {
            client.when().toolsList(page -> {
                assertEquals(TOOLS, page.tools().stream().map(ToolInfo::name).collect(Collectors.toSet()));
                for (ToolInfo tool : page.tools()) {
                    assertTrue(tool.description().length() > 120, tool.name() + " needs a description written for a model");
                    assertEquals("object", tool.inputSchema().getString("type"), tool.name());
                    assertNotNull(tool.outputSchema(), tool.name() + " has no outputSchema");
                    assertEquals("object", tool.outputSchema().getString("type"), tool.name());
                    assertTrue(tool.annotations().isPresent(), tool.name() + " has no annotations");
                }
                // read-only tools: not destructive either (the extension defaults destructiveHint to true)
                for (String name : List.of("check_payment_status", "get_payment_link", "list_payments", "payment_analytics")) {
                    ToolAnnotations a = page.findByName(name).annotations().orElseThrow();
                    assertTrue(a.readOnlyHint(), name);
                    assertFalse(a.destructiveHint(), name);
                    assertTrue(a.idempotentHint(), name);
                }
                for (String name : List.of("cancel_payment", "refund_payment")) {
                    ToolAnnotations a = page.findByName(name).annotations().orElseThrow();
                    assertFalse(a.readOnlyHint(), name);
                    assertTrue(a.destructiveHint(), name);
                }
                for (String name : List.of("initiate_purchase", "complete_purchase", "save_quote_for_later", "send_payment_link")) {
                    ToolAnnotations a = page.findByName(name).annotations().orElseThrow();
                    assertFalse(a.readOnlyHint(), name);
                    assertFalse(a.destructiveHint(), name);
                }
                assertFalse(page.findByName("send_payment_link").annotations().orElseThrow().idempotentHint());

                JsonObject initiate = page.findByName("initiate_purchase").inputSchema();
                assertEquals(Set.of("user_id", "quote_id", "quote_token", "amount", "currency", "product_name", "customer_email",
                        "conversation_id"), initiate.getJsonObject("properties").fieldNames());
                assertEquals(Set.of("user_id", "quote_id"), Set.copyOf(initiate.getJsonArray("required").getList()),
                        "the price comes from the signed quote; amount, currency and product are only checks");
                assertEquals("integer", initiate.getJsonObject("properties").getJsonObject("amount").getString("type"));

                JsonObject output = page.findByName("initiate_purchase").outputSchema().getJsonObject("properties");
                assertTrue(output.containsKey("payment_intent_id"), output.encode());
                assertTrue(output.containsKey("checkout_url"), output.encode());
                assertTrue(output.containsKey("widget"), output.encode());

                JsonObject analytics = page.findByName("payment_analytics").inputSchema();
                assertEquals(Set.of("from", "to", "product_name", "conversation_id"), analytics.getJsonObject("properties").fieldNames());
                assertTrue(analytics.getJsonArray("required") == null || analytics.getJsonArray("required").isEmpty(),
                        "every argument is optional: the last 7 days by default");
                assertTrue(page.findByName("payment_analytics").outputSchema().getJsonObject("properties").containsKey("totals"));
                Map<String, Object> refundArgs = page.findByName("refund_payment").inputSchema().getJsonObject("properties").getMap();
                assertEquals(Set.of("payment_intent_id", "amount", "reason", "request_id", "conversation_id"), refundArgs.keySet(),
                        "the MCP request id and the client's elicitation are not model arguments");
            }).thenAssertResults();
        }
    }
}
