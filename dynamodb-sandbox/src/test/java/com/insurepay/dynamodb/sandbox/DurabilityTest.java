package com.insurepay.dynamodb.sandbox;

import static com.insurepay.dynamodb.sandbox.Sandboxes.item;
import static com.insurepay.dynamodb.sandbox.Sandboxes.n;
import static com.insurepay.dynamodb.sandbox.Sandboxes.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** {@code --data-dir}: what was acknowledged survives a stop, a crash, and a torn last log record. */
class DurabilityTest {

    @TempDir
    Path dir;
    private DynamoDbSandbox sandbox;

    private DynamoDbClient start() {
        sandbox = DynamoDbSandbox.builder().port(0).dataDir(dir).build().start();
        return Sandboxes.clientFor(sandbox.endpoint());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    private static void seed(DynamoDbClient client) {
        client.createTable(Sandboxes.table("durable", false)
                .attributeDefinitions(QueryScanTest.def("pk", ScalarAttributeType.S), QueryScanTest.def("g", ScalarAttributeType.S))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("g-index").keySchema(QueryScanTest.key("g", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .build());
        client.updateTimeToLive(b -> b.tableName("durable").timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true)));
        client.putItem(b -> b.tableName("durable").item(item("pk", "a", "g", "x", "n", 1)));
        client.updateItem(b -> b.tableName("durable").key(Map.of("pk", s("a"))).updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", n("1"))));
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("durable").item(item("pk", "b", "g", "x"))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("durable").item(item("pk", "c"))).build()));
        client.putItem(b -> b.tableName("durable").item(item("pk", "d")));
        client.deleteItem(b -> b.tableName("durable").key(Map.of("pk", s("d"))));
    }

    private static void assertSeeded(DynamoDbClient client) {
        assertEquals("2", client.getItem(b -> b.tableName("durable").key(Map.of("pk", s("a")))).item().get("n").n());
        assertTrue(client.getItem(b -> b.tableName("durable").key(Map.of("pk", s("c")))).hasItem());
        assertFalse(client.getItem(b -> b.tableName("durable").key(Map.of("pk", s("d")))).hasItem());
        assertEquals(2, client.query(b -> b.tableName("durable").indexName("g-index").keyConditionExpression("g = :x")
                .expressionAttributeValues(Map.of(":x", s("x")))).count(), "the index is rebuilt too");
        assertEquals("ttl", client.describeTimeToLive(b -> b.tableName("durable")).timeToLiveDescription().attributeName());
    }

    @Test
    void data_survives_a_clean_stop_and_start() {
        seed(start());
        sandbox.stop();
        assertTrue(Files.exists(dir.resolve("snapshot.json")));
        assertSeeded(start());
    }

    @Test
    void data_survives_a_crash_from_the_log_alone() throws IOException {
        DynamoDbClient client = start();
        long snapshotBefore = Files.size(dir.resolve("snapshot.json"));
        seed(client);
        sandbox.crash();
        assertEquals(snapshotBefore, Files.size(dir.resolve("snapshot.json")), "no snapshot was written at the crash");
        assertTrue(Files.size(dir.resolve("wal.log")) > 0);
        assertSeeded(start());
    }

    @Test
    void a_torn_last_record_is_cut_and_everything_before_it_kept() throws IOException {
        seed(start());
        sandbox.crash();
        Path log = dir.resolve("wal.log");
        // A record whose header promises 500 bytes, of which only a few made it to disk before the crash.
        Files.write(log, new byte[] {0, 0, 1, (byte) 0xf4, 1, 2, 3, 4, '{', '"'}, StandardOpenOption.APPEND);
        DynamoDbClient client = start();
        assertSeeded(client);
        client.putItem(b -> b.tableName("durable").item(item("pk", "after")));
        sandbox.crash();
        DynamoDbClient again = start();
        assertSeeded(again);
        assertTrue(again.getItem(b -> b.tableName("durable").key(Map.of("pk", s("after")))).hasItem(),
                "a record written after the cut is not lost behind the torn bytes");
    }

    @Test
    void a_corrupt_record_stops_the_replay_there() throws IOException {
        DynamoDbClient client = start();
        client.createTable(Sandboxes.table("durable", false).build());
        client.putItem(b -> b.tableName("durable").item(item("pk", "first")));
        client.putItem(b -> b.tableName("durable").item(item("pk", "second")));
        sandbox.crash();
        Path log = dir.resolve("wal.log");
        byte[] bytes = Files.readAllBytes(log);
        bytes[bytes.length - 3] ^= 0x55; // flip bits inside the last record: its CRC no longer matches
        Files.write(log, bytes);
        DynamoDbClient again = start();
        assertTrue(again.getItem(b -> b.tableName("durable").key(Map.of("pk", s("first")))).hasItem());
        assertFalse(again.getItem(b -> b.tableName("durable").key(Map.of("pk", s("second")))).hasItem(),
                "the corrupt record is not applied (it was never acknowledged as durable if it is corrupt)");
    }
}
