package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.admin.SandboxStats;
import com.insurepay.dynamodb.sandbox.table.IndexDefinition;
import com.insurepay.dynamodb.sandbox.table.SecondaryIndex;
import com.insurepay.dynamodb.sandbox.table.Table;
import com.insurepay.dynamodb.sandbox.value.ItemSize;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Capacity units consumed by one request, by DynamoDB's documented rules: a write costs 1 WCU per started KB of
 * the larger of the old and new item, plus the writes of every secondary index it changes (a changed index key is
 * a delete and a put); a read costs 1 RCU per started 4 KB (Query and Scan: of all items evaluated together),
 * half for an eventually consistent read; transactional reads and writes cost double.
 */
final class Capacity {

    private static final class Units {
        double read;
        double write;
        double table;
        final Map<String, Double> global = new LinkedHashMap<>();
        final Map<String, Double> local = new LinkedHashMap<>();

        double total() {
            return read + write;
        }
    }

    private final Map<String, Units> byTable = new LinkedHashMap<>();

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    private Units units(String table) {
        return byTable.computeIfAbsent(table, k -> new Units());
    }

    void read(String table, IndexDefinition index, double units) {
        Units u = units(table);
        u.read += units;
        if (index == null) {
            u.table += units;
        } else {
            (index.global() ? u.global : u.local).merge(index.name(), units, Double::sum);
        }
    }

    /** A table touched without consuming anything of its own (e.g. a condition check that costs a read). */
    void touch(String table) {
        units(table);
    }

    /** One item written (before or after may be null), with its index writes; factor 2 inside transactions. */
    void write(Table table, Map<String, Value> before, Map<String, Value> after, double factor) {
        Units u = units(table.name());
        double own = writeUnits(Math.max(ItemSize.of(before), ItemSize.of(after))) * factor;
        u.table += own;
        u.write += own;
        for (SecondaryIndex index : table.indexes()) {
            double w = indexWrites(index, table, before, after) * factor;
            if (w > 0) {
                (index.definition().global() ? u.global : u.local).merge(index.definition().name(), w, Double::sum);
                u.write += w;
            }
        }
    }

    /** A write that did not happen because its condition failed still costs the write of the item's size. */
    void failedWrite(Table table, Map<String, Value> existing, double factor) {
        Units u = units(table.name());
        double own = writeUnits(ItemSize.of(existing)) * factor;
        u.table += own;
        u.write += own;
    }

    private static double indexWrites(SecondaryIndex index, Table table, Map<String, Value> before, Map<String, Value> after) {
        var oldKey = index.keyOf(before);
        var newKey = index.keyOf(after);
        if (oldKey == null && newKey == null) {
            return 0;
        }
        var tableKey = table.definition().key();
        Map<String, Value> oldEntry = oldKey == null ? null : index.definition().project(before, tableKey);
        Map<String, Value> newEntry = newKey == null ? null : index.definition().project(after, tableKey);
        if (oldKey == null) {
            return writeUnits(ItemSize.of(newEntry));
        }
        if (newKey == null) {
            return writeUnits(ItemSize.of(oldEntry));
        }
        if (!oldKey.equals(newKey)) {
            return writeUnits(ItemSize.of(oldEntry)) + writeUnits(ItemSize.of(newEntry));
        }
        return Objects.equals(oldEntry, newEntry) ? 0 : writeUnits(Math.max(ItemSize.of(oldEntry), ItemSize.of(newEntry)));
    }

    void record(SandboxStats stats) {
        byTable.forEach((t, u) -> stats.consumed(t, u.read, u.write));
    }

    /** The ConsumedCapacity of a single-table response, or null when not asked for. */
    JsonNode single(String mode) {
        if (mode == null || mode.equals("NONE") || byTable.isEmpty()) {
            return null;
        }
        Map.Entry<String, Units> e = byTable.entrySet().iterator().next();
        return describe(e.getKey(), e.getValue(), mode);
    }

    /** The ConsumedCapacity list of a multi-table response (batch, transaction), or null. */
    JsonNode list(String mode) {
        if (mode == null || mode.equals("NONE")) {
            return null;
        }
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        byTable.forEach((t, u) -> a.add(describe(t, u, mode)));
        return a;
    }

    private static ObjectNode describe(String table, Units u, String mode) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("TableName", table);
        n.put("CapacityUnits", u.total());
        if (u.read > 0) {
            n.put("ReadCapacityUnits", u.read);
        }
        if (u.write > 0) {
            n.put("WriteCapacityUnits", u.write);
        }
        if (mode.equals("INDEXES")) {
            n.putObject("Table").put("CapacityUnits", u.table);
            if (!u.global.isEmpty()) {
                ObjectNode g = n.putObject("GlobalSecondaryIndexes");
                u.global.forEach((k, v) -> g.putObject(k).put("CapacityUnits", v));
            }
            if (!u.local.isEmpty()) {
                ObjectNode l = n.putObject("LocalSecondaryIndexes");
                u.local.forEach((k, v) -> l.putObject(k).put("CapacityUnits", v));
            }
        }
        return n;
    }
}
