package com.insurepay.dynamodb.sandbox;

import static com.insurepay.dynamodb.sandbox.Sandboxes.item;
import static com.insurepay.dynamodb.sandbox.Sandboxes.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Items expire by their TTL attribute on the sandbox's clock: swept on demand here, so no test waits for time. */
class TimeToLiveTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private DynamoDbSandbox sandbox;
    private DynamoDbClient client;
    private String table;

    @BeforeEach
    void start() {
        // A long sweep interval: only the test's explicit sweeps delete anything.
        sandbox = DynamoDbSandbox.builder().port(0).clock(clock).ttlSweepInterval(Duration.ofHours(1)).build().start();
        client = Sandboxes.clientFor(sandbox.endpoint());
        table = "ttl-table";
        client.createTable(Sandboxes.table(table, false).build());
        client.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expires_at").enabled(true)));
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private boolean exists(String pk) {
        return client.getItem(b -> b.tableName(table).key(Map.of("pk", s(pk)))).hasItem();
    }

    @Test
    void an_item_is_deleted_once_its_expiry_time_has_passed() {
        long now = clock.now.getEpochSecond();
        client.putItem(b -> b.tableName(table).item(item("pk", "soon", "expires_at", now + 60)));
        client.putItem(b -> b.tableName(table).item(item("pk", "later", "expires_at", now + 3600)));
        client.putItem(b -> b.tableName(table).item(item("pk", "never")));
        client.putItem(b -> b.tableName(table).item(item("pk", "text", "expires_at", "not a number")));
        client.putItem(b -> b.tableName(table).item(item("pk", "ancient", "expires_at", now - Duration.ofDays(6 * 365).toSeconds())));

        assertEquals(0, sandbox.sweepExpiredItems(), "nothing has expired yet");
        clock.now = clock.now.plusSeconds(61);
        assertTrue(exists("soon"), "expired but not yet swept: still readable, as in DynamoDB");
        assertEquals(1, sandbox.sweepExpiredItems());
        assertFalse(exists("soon"));
        assertTrue(exists("later"));
        assertTrue(exists("never"), "no TTL attribute: kept");
        assertTrue(exists("text"), "a TTL attribute that is not a Number: kept");
        assertTrue(exists("ancient"), "more than five years in the past: DynamoDB ignores it");
        clock.now = clock.now.plusSeconds(3600);
        assertEquals(1, sandbox.sweepExpiredItems());
        assertFalse(exists("later"));
    }

    @Test
    void nothing_expires_while_ttl_is_disabled() {
        client.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expires_at").enabled(false)));
        client.putItem(b -> b.tableName(table).item(item("pk", "old", "expires_at", clock.now.getEpochSecond() - 10)));
        assertEquals(0, sandbox.sweepExpiredItems());
        assertTrue(exists("old"));
    }

    @Test
    void the_background_sweep_deletes_expired_items_without_being_asked() throws Exception {
        sandbox.stop();
        sandbox = DynamoDbSandbox.builder().port(0).clock(clock).ttlSweepInterval(Duration.ofMillis(50)).build().start();
        client = Sandboxes.clientFor(sandbox.endpoint());
        client.createTable(Sandboxes.table(table, false).build());
        client.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expires_at").enabled(true)));
        client.putItem(b -> b.tableName(table).item(item("pk", "gone", "expires_at", clock.now.getEpochSecond() - 1)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (exists("gone") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(exists("gone"), "swept within the deadline");
    }
}
