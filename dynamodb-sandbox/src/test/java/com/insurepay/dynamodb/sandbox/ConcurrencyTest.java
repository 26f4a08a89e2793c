package com.insurepay.dynamodb.sandbox;

import static com.insurepay.dynamodb.sandbox.Sandboxes.client;
import static com.insurepay.dynamodb.sandbox.Sandboxes.item;
import static com.insurepay.dynamodb.sandbox.Sandboxes.n;
import static com.insurepay.dynamodb.sandbox.Sandboxes.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Single-item writes and transactions are atomic and isolated: many writers racing on one item lose no update,
 * and optimistic version checks (our repositories' pattern) let exactly one writer win each round.
 */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 50;

    private static void race(Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    work.run();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    @Test
    void concurrent_increments_lose_no_update() throws Exception {
        String table = Sandboxes.createTable("race", false);
        client().putItem(b -> b.tableName(table).item(item("pk", "counter", "n", 0)));
        race(() -> client().updateItem(b -> b.tableName(table).key(Map.of("pk", s("counter")))
                .updateExpression("SET n = n + :one").expressionAttributeValues(Map.of(":one", n("1")))));
        assertEquals(Integer.toString(THREADS * PER_THREAD),
                client().getItem(b -> b.tableName(table).key(Map.of("pk", s("counter")))).item().get("n").n());
    }

    @Test
    void read_modify_write_with_a_version_condition_in_a_transaction_loses_no_update() throws Exception {
        String table = Sandboxes.createTable("race-tx", false);
        client().putItem(b -> b.tableName(table).item(item("pk", "account", "balance", 0, "version", 0)));
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger history = new AtomicInteger();
        race(() -> {
            while (true) {
                Map<String, AttributeValue> current = client().getItem(b -> b.tableName(table).key(Map.of("pk", s("account")))
                        .consistentRead(true)).item();
                long balance = Long.parseLong(current.get("balance").n());
                long version = Long.parseLong(current.get("version").n());
                String entry = "entry-" + history.incrementAndGet();
                try {
                    client().transactWriteItems(b -> b.transactItems(
                            TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("pk", s("account")))
                                    .updateExpression("SET balance = :b, version = :next").conditionExpression("version = :v")
                                    .expressionAttributeValues(Map.of(":b", n(Long.toString(balance + 1)), ":next",
                                            n(Long.toString(version + 1)), ":v", n(Long.toString(version)))))
                                    .build(),
                            TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", entry))).build()));
                    return;
                } catch (TransactionCanceledException lost) {
                    conflicts.incrementAndGet();
                }
            }
        });
        Map<String, AttributeValue> end = client().getItem(b -> b.tableName(table).key(Map.of("pk", s("account")))).item();
        assertEquals(Integer.toString(THREADS * PER_THREAD), end.get("balance").n(), "every increment applied exactly once");
        assertEquals(Integer.toString(THREADS * PER_THREAD), end.get("version").n());
        int entries = client().scan(b -> b.tableName(table)).count() - 1;
        assertEquals(THREADS * PER_THREAD, entries, "one history entry per winning transaction, none from a cancelled one");
    }
}
