package com.insurepay.dynamodb.sandbox;

import static com.insurepay.dynamodb.sandbox.Sandboxes.item;
import static com.insurepay.dynamodb.sandbox.Sandboxes.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** ConsumedCapacity by DynamoDB's rules, the stats endpoint that counts it, health and the HTML pages. */
class CapacityAndAdminTest {

    static DynamoDbSandbox sandbox;
    static DynamoDbClient client;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = DynamoDbSandbox.builder().port(0).build().start();
        client = Sandboxes.clientFor(sandbox.endpoint());
        client.createTable(Sandboxes.table("cap", false)
                .attributeDefinitions(QueryScanTest.def("pk", ScalarAttributeType.S), QueryScanTest.def("g", ScalarAttributeType.S))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("g-index").keySchema(QueryScanTest.key("g", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .build());
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @Test
    void writes_cost_one_unit_per_kb_plus_index_writes_and_double_in_transactions() {
        ConsumedCapacity plain = client.putItem(b -> b.tableName("cap").item(item("pk", "a"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertEquals(1.0, plain.capacityUnits());
        ConsumedCapacity indexed = client.putItem(b -> b.tableName("cap").item(item("pk", "b", "g", "x"))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertEquals(2.0, indexed.capacityUnits());
        assertEquals(1.0, indexed.table().capacityUnits());
        assertEquals(1.0, indexed.globalSecondaryIndexes().get("g-index").capacityUnits());
        ConsumedCapacity moved = client.updateItem(b -> b.tableName("cap").key(Map.of("pk", s("b"))).updateExpression("SET g = :y")
                .expressionAttributeValues(Map.of(":y", s("y"))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertEquals(2.0, moved.globalSecondaryIndexes().get("g-index").capacityUnits(), "a changed index key: a delete and a put");
        ConsumedCapacity big = client.putItem(b -> b.tableName("cap").item(item("pk", "c", "d", "x".repeat(1500)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertEquals(2.0, big.capacityUnits(), "1.5 KB: two units");
        ConsumedCapacity transaction = client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("cap").item(item("pk", "d"))).build())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().get(0);
        assertEquals(2.0, transaction.capacityUnits());
    }

    @Test
    void reads_cost_one_unit_per_4_kb_and_half_when_eventually_consistent() {
        client.putItem(b -> b.tableName("cap").item(item("pk", "r", "d", "x".repeat(5000))));
        assertEquals(2.0, client.getItem(b -> b.tableName("cap").key(Map.of("pk", s("r"))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());
        assertEquals(1.0, client.getItem(b -> b.tableName("cap").key(Map.of("pk", s("r")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());
        assertEquals(0.5, client.getItem(b -> b.tableName("cap").key(Map.of("pk", s("none")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stats_count_requests_and_units_per_table() throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_sandbox/stats")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        client.putItem(b -> b.tableName("cap").item(item("pk", "s1", "g", "z")));
        client.getItem(b -> b.tableName("cap").key(Map.of("pk", s("s1"))).consistentRead(true));
        JsonNode stats = new ObjectMapper().readTree(get("/_sandbox/stats", "application/json").body());
        assertEquals(1, stats.path("requests").path("PutItem").asInt());
        assertEquals(1, stats.path("requests").path("GetItem").asInt());
        assertEquals(2.0, stats.path("consumedCapacity").path("cap").path("writeCapacityUnits").asDouble(), "table + index write");
        assertEquals(1.0, stats.path("consumedCapacity").path("cap").path("readCapacityUnits").asDouble());
    }

    @Test
    void health_and_html_pages() throws Exception {
        HttpResponse<String> health = get("/_sandbox/health", "application/json");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"UP\""));
        client.putItem(b -> b.tableName("cap").item(item("pk", "<script>alert(1)</script>")));
        HttpResponse<String> list = get("/", "text/html");
        assertEquals(200, list.statusCode());
        assertTrue(list.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(list.body().contains("/_sandbox/tables/cap"), list.body());
        HttpResponse<String> items = get("/_sandbox/tables/cap", "text/html");
        assertTrue(items.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "item values are escaped");
        assertEquals(404, get("/_sandbox/tables/nope", "text/html").statusCode());
    }
}
