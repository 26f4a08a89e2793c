package com.insurepay.dynamodb.sandbox;

import static com.insurepay.dynamodb.sandbox.Sandboxes.client;
import static com.insurepay.dynamodb.sandbox.Sandboxes.item;
import static com.insurepay.dynamodb.sandbox.Sandboxes.n;
import static com.insurepay.dynamodb.sandbox.Sandboxes.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan: key conditions, order, filters, projections, pagination boundaries, indexes, segments. */
class QueryScanTest {

    static String table;

    @BeforeAll
    static void seed() {
        table = Sandboxes.uniqueName("query");
        client().createTable(Sandboxes.table(table, true)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
                        def("owner", ScalarAttributeType.S),
                        def("at", ScalarAttributeType.N), def("rank", ScalarAttributeType.N))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-owner")
                        .keySchema(key("owner", KeyType.HASH), key("at", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-rank")
                        .keySchema(key("pk", KeyType.HASH), key("rank", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("colour").build()).build())
                .build());
        for (int i = 0; i < 10; i++) {
            int at = 100 - i;
            Map<String, AttributeValue> it = item("pk", "p", "sk", String.format("item#%02d", i), "rank", (i * 7) % 10, "colour",
                    i % 2 == 0 ? "red" : "blue", "payload", "x".repeat(10));
            if (i % 3 != 0) {
                it.put("owner", s("alice"));
                it.put("at", n(Integer.toString(at)));
            }
            client().putItem(b -> b.tableName(table).item(it));
        }
    }

    static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static QueryRequest.Builder partition() {
        return QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p")));
    }

    private static List<String> sks(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("sk").s()).toList();
    }

    @Test
    void a_query_returns_the_partition_in_sort_key_order_both_ways() {
        QueryResponse forward = client().query(partition().build());
        assertEquals(10, forward.count());
        assertEquals("item#00", forward.items().get(0).get("sk").s());
        assertFalse(forward.hasLastEvaluatedKey() && !forward.lastEvaluatedKey().isEmpty(), "no LastEvaluatedKey when all fit");
        QueryResponse backward = client().query(partition().scanIndexForward(false).build());
        assertEquals("item#09", backward.items().get(0).get("sk").s());
    }

    @Test
    void pages_end_exactly_at_limit_and_continue_from_last_evaluated_key() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client().query(partition().limit(4).exclusiveStartKey(from).build());
            pages++;
            assertTrue(page.count() <= 4);
            seen.addAll(sks(page.items()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertEquals(Set.of("pk", "sk"), start.keySet());
                assertEquals(page.items().get(page.items().size() - 1).get("sk"), start.get("sk"), "LastEvaluatedKey is the last item");
            }
        } while (start != null && pages < 10);
        assertEquals(3, pages, "4 + 4 + 2");
        assertEquals(10, new HashSet<>(seen).size());
        QueryResponse exact = client().query(partition().limit(10).build());
        assertTrue(exact.hasLastEvaluatedKey(), "a page that stops at Limit has a LastEvaluatedKey even when nothing follows");
        QueryResponse after = client().query(partition().limit(10).exclusiveStartKey(exact.lastEvaluatedKey()).build());
        assertEquals(0, after.count());
    }

    @Test
    void sort_key_conditions() {
        assertEquals(List.of("item#03", "item#04", "item#05"), sks(client().query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":p", s("p"), ":a", s("item#03"), ":b", s("item#05")))).items()));
        assertEquals(List.of("item#08", "item#09"), sks(client().query(b -> b.tableName(table)
                .keyConditionExpression("sk > :a AND pk = :p").expressionAttributeValues(Map.of(":p", s("p"), ":a", s("item#07"))))
                .items()));
        assertEquals(List.of("item#00", "item#01"), sks(client().query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p AND sk < :a").expressionAttributeValues(Map.of(":p", s("p"), ":a", s("item#02"))))
                .items()));
        assertEquals(10, client().query(b -> b.tableName(table).keyConditionExpression("pk = :p AND begins_with(sk, :pre)")
                .expressionAttributeValues(Map.of(":p", s("p"), ":pre", s("item#")))).count());
        assertEquals(List.of("item#09", "item#08"), sks(client().query(b -> b.tableName(table).scanIndexForward(false).limit(2)
                .keyConditionExpression("pk = :p AND begins_with(sk, :pre)")
                .expressionAttributeValues(Map.of(":p", s("p"), ":pre", s("item#0")))).items()));
    }

    @Test
    void filters_apply_after_limit_and_count_what_was_evaluated() {
        QueryResponse r = client().query(partition().limit(4).filterExpression("colour = :red")
                .expressionAttributeValues(Map.of(":p", s("p"), ":red", s("red"))).build());
        assertEquals(4, r.scannedCount());
        assertEquals(2, r.count());
        QueryResponse count = client().query(partition().select(Select.COUNT).build());
        assertEquals(10, count.count());
        assertFalse(count.hasItems() && !count.items().isEmpty());
        DynamoDbException onKey = assertThrows(DynamoDbException.class, () -> client().query(partition().filterExpression("sk = :x")
                .expressionAttributeValues(Map.of(":p", s("p"), ":x", s("x"))).build()));
        assertEquals("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
                onKey.awsErrorDetails().errorMessage());
    }

    @Test
    void key_condition_errors() {
        DynamoDbException missing = assertThrows(DynamoDbException.class, () -> client().query(b -> b.tableName(table)
                .keyConditionExpression("sk = :a").expressionAttributeValues(Map.of(":a", s("x")))));
        assertEquals("Query condition missed key schema element: pk", missing.awsErrorDetails().errorMessage());
        DynamoDbException or = assertThrows(DynamoDbException.class, () -> client().query(b -> b.tableName(table)
                .keyConditionExpression("pk = :a OR pk = :b").expressionAttributeValues(Map.of(":a", s("x"), ":b", s("y")))));
        assertEquals("Invalid operator used in KeyConditionExpression: OR", or.awsErrorDetails().errorMessage());
        DynamoDbException type = assertThrows(DynamoDbException.class, () -> client().query(b -> b.tableName(table)
                .keyConditionExpression("pk = :a").expressionAttributeValues(Map.of(":a", n("1")))));
        assertEquals("One or more parameter values were invalid: Condition parameter type does not match schema type",
                type.awsErrorDetails().errorMessage());
        DynamoDbException outside = assertThrows(DynamoDbException.class, () -> client().query(partition()
                .exclusiveStartKey(Map.of("pk", s("other"), "sk", s("a"))).build()));
        assertEquals("The provided starting key is outside query boundaries based on provided conditions",
                outside.awsErrorDetails().errorMessage());
    }

    @Test
    void a_sparse_gsi_holds_only_items_with_its_keys_and_pages_with_index_keys() {
        QueryResponse all = client().query(b -> b.tableName(table).indexName("by-owner").keyConditionExpression("#o = :o")
                .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s("alice"))));
        assertEquals(6, all.count(), "items 1,2,4,5,7,8 have an owner");
        List<String> ats = all.items().stream().map(i -> i.get("at").n()).toList();
        List<String> sorted = new ArrayList<>(ats);
        sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        assertEquals(sorted, ats, "numeric order of the index sort key");
        assertEquals(Set.of("pk", "sk", "owner", "at"), all.items().get(0).keySet(), "KEYS_ONLY projection");
        QueryResponse page = client().query(b -> b.tableName(table).indexName("by-owner").keyConditionExpression("#o = :o").limit(2)
                .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s("alice"))));
        assertEquals(Set.of("pk", "sk", "owner", "at"), page.lastEvaluatedKey().keySet());
        QueryResponse next = client().query(b -> b.tableName(table).indexName("by-owner").keyConditionExpression("#o = :o").limit(10)
                .exclusiveStartKey(page.lastEvaluatedKey())
                .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s("alice"))));
        assertEquals(4, next.count());
        DynamoDbException consistent = assertThrows(DynamoDbException.class,
                () -> client().query(b -> b.tableName(table).indexName("by-owner")
                        .consistentRead(true).keyConditionExpression("#o = :o")
                        .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s("alice")))));
        assertEquals("Consistent reads are not supported on global secondary indexes", consistent.awsErrorDetails().errorMessage());
    }

    @Test
    void a_local_index_orders_the_partition_by_its_sort_key_and_projects_include_attributes() {
        QueryResponse r = client().query(partition().indexName("by-rank").build());
        List<Integer> ranks = r.items().stream().map(i -> Integer.parseInt(i.get("rank").n())).toList();
        List<Integer> sorted = new ArrayList<>(ranks);
        sorted.sort(Integer::compare);
        assertEquals(sorted, ranks);
        assertEquals(Set.of("pk", "sk", "rank", "colour"), r.items().get(0).keySet(), "INCLUDE colour, not payload");
    }

    @Test
    void keys_sort_like_dynamodb_strings_by_utf8_numbers_numerically_binaries_unsigned() {
        String t = Sandboxes.uniqueName("order");
        client().createTable(b -> b.tableName(t).billingMode("PAY_PER_REQUEST")
                .keySchema(key("pk", KeyType.HASH), key("n", KeyType.RANGE))
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("n", ScalarAttributeType.N)));
        for (String v : List.of("10", "-5", "2.5", "-0.1", "100", "0")) {
            client().putItem(b -> b.tableName(t).item(Map.of("pk", s("x"), "n", n(v))));
        }
        assertEquals(List.of("-5", "-0.1", "0", "2.5", "10", "100"), client().query(b -> b.tableName(t).keyConditionExpression("pk = :x")
                .expressionAttributeValues(Map.of(":x", s("x")))).items().stream().map(i -> i.get("n").n()).toList());
        String strings = Sandboxes.uniqueName("order");
        client().createTable(Sandboxes.table(strings, true).build());
        // By UTF-8 bytes: 'Z' < 'a' < 'é' (U+00E9) < '￿' (U+FFFF) < '😀' (U+1F600, a surrogate pair in UTF-16).
        for (String v : List.of("\uD83D\uDE00", "a", "\uFFFF", "Z", "é")) {
            client().putItem(b -> b.tableName(strings).item(Map.of("pk", s("x"), "sk", s(v))));
        }
        assertEquals(List.of("Z", "a", "é", "\uFFFF", "\uD83D\uDE00"), sks(client().query(b -> b.tableName(strings)
                .keyConditionExpression("pk = :x").expressionAttributeValues(Map.of(":x", s("x")))).items()));
        String binaries = Sandboxes.uniqueName("order");
        client().createTable(b -> b.tableName(binaries).billingMode("PAY_PER_REQUEST")
                .keySchema(key("pk", KeyType.HASH), key("b", KeyType.RANGE))
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("b", ScalarAttributeType.B)));
        for (int v : List.of(0x80, 0x01, 0xff, 0x7f)) {
            client().putItem(b -> b.tableName(binaries)
                    .item(Map.of("pk", s("x"), "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) v})))));
        }
        assertEquals(List.of(0x01, 0x7f, 0x80, 0xff), client().query(b -> b.tableName(binaries).keyConditionExpression("pk = :x")
                .expressionAttributeValues(Map.of(":x", s("x")))).items().stream().map(i -> i.get("b").b().asByteArray()[0] & 0xff)
                .toList());
    }

    @Test
    void a_page_stops_after_one_megabyte() {
        String t = Sandboxes.createTable("mb", true);
        String big = "y".repeat(300 * 1024);
        for (int i = 0; i < 6; i++) {
            String sk = "k" + i;
            client().putItem(b -> b.tableName(t).item(item("pk", "p", "sk", sk, "d", big)));
        }
        QueryResponse first = client()
                .query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))));
        assertEquals(4, first.count(), "the item that crosses 1 MB is the last of the page");
        assertTrue(first.hasLastEvaluatedKey());
        ScanResponse scan = client().scan(b -> b.tableName(t));
        assertEquals(4, scan.count());
    }

    @Test
    void parallel_scan_segments_split_the_table_without_overlap() {
        String t = Sandboxes.createTable("seg", false);
        for (int i = 0; i < 200; i++) {
            String pk = "k" + i;
            client().putItem(b -> b.tableName(t).item(item("pk", pk)));
        }
        Set<String> all = new HashSet<>();
        int total = 0;
        int nonEmpty = 0;
        for (int segment = 0; segment < 4; segment++) {
            int seg = segment;
            Map<String, AttributeValue> start = null;
            int inSegment = 0;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = client().scan(b -> b.tableName(t).segment(seg).totalSegments(4).limit(17).exclusiveStartKey(from));
                page.items().forEach(i -> all.add(i.get("pk").s()));
                inSegment += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            total += inSegment;
            nonEmpty += inSegment > 0 ? 1 : 0;
        }
        assertEquals(200, total, "no item twice");
        assertEquals(200, all.size(), "every item once");
        assertEquals(4, nonEmpty, "keys spread over the segments");
        DynamoDbException bad = assertThrows(DynamoDbException.class, () -> client().scan(b -> b.tableName(t).segment(4).totalSegments(4)));
        assertEquals(
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4",
                bad.awsErrorDetails().errorMessage());
    }

    @Test
    void scan_with_a_filter_and_a_projection() {
        ScanResponse r = client().scan(b -> b.tableName(table).filterExpression("colour = :c AND #r >= :min")
                .projectionExpression("sk, colour").expressionAttributeNames(Map.of("#r", "rank"))
                .expressionAttributeValues(Map.of(":c", s("blue"), ":min", n("5"))));
        assertEquals(10, r.scannedCount());
        r.items().forEach(i -> assertEquals(Set.of("sk", "colour"), i.keySet()));
        assertTrue(r.count() > 0 && r.count() < 5, "some blue items rank 5 or more");
        assertNull(r.lastEvaluatedKey().isEmpty() ? null : r.lastEvaluatedKey());
    }
}
