package com.insurepay.dynamodb.sandbox.table;

import com.insurepay.dynamodb.sandbox.durability.Mutation;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes expired items of tables with TTL enabled, as DynamoDB's background process does: an item expires when
 * its TTL attribute is a Number of epoch seconds not after now (and not more than five years in the past, which
 * DynamoDB ignores). DynamoDB takes up to days; the sandbox sweeps every few seconds (configurable). Until swept,
 * expired items are still returned, as in DynamoDB.
 */
public final class TimeToLiveSweeper {

    private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).toSeconds();

    private final Database db;

    public TimeToLiveSweeper(Database db) {
        this.db = db;
    }

    /** @return how many items were deleted */
    public int sweep() {
        int deleted = 0;
        for (Table table : db.tables()) {
            TableDefinition d = table.definition();
            if (!d.ttlEnabled()) {
                continue;
            }
            long now = db.clock().instant().getEpochSecond();
            List<Map<String, Value>> expired = new ArrayList<>();
            table.lock().readLock().lock();
            try {
                for (Map<String, Value> item : table.items().values()) {
                    if (isExpired(item.get(d.ttlAttribute()), now)) {
                        expired.add(d.key().keyOf(item));
                    }
                }
            } finally {
                table.lock().readLock().unlock();
            }
            for (Map<String, Value> key : expired) {
                deleted += deleteIfStillExpired(table, key, now) ? 1 : 0;
            }
        }
        return deleted;
    }

    private boolean deleteIfStillExpired(Table table, Map<String, Value> key, long now) {
        db.structureLock().readLock().lock();
        try {
            if (db.tableOrNull(table.name()) != table) {
                return false;
            }
            table.lock().writeLock().lock();
            try {
                Map<String, Value> item = table.get(key);
                TableDefinition d = table.definition();
                if (item == null || !d.ttlEnabled() || !isExpired(item.get(d.ttlAttribute()), now)) {
                    return false;
                }
                table.delete(key);
                db.log().append(List.of(new Mutation.DeleteItem(table.name(), key)));
                return true;
            } finally {
                table.lock().writeLock().unlock();
            }
        } finally {
            db.structureLock().readLock().unlock();
        }
    }

    static boolean isExpired(Value ttl, long nowSeconds) {
        if (!(ttl instanceof Value.N n)) {
            return false;
        }
        BigDecimal at = n.value();
        return at.compareTo(BigDecimal.valueOf(nowSeconds)) <= 0
                && at.compareTo(BigDecimal.valueOf(nowSeconds - FIVE_YEARS_SECONDS)) >= 0;
    }
}
