package com.insurepay.dynamodb.sandbox.table;

import com.insurepay.dynamodb.sandbox.value.ItemSize;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The entries of one secondary index, kept in step with the table synchronously (under the table's lock). Items
 * without the index's key attributes are not in it (sparse indexes). Entries are keyed by the index key and then
 * the table key, so many items may share an index key.
 */
public final class SecondaryIndex {

    private final IndexDefinition definition;
    private final KeySchema tableKey;
    private final TreeMap<StorageKey, Map<String, Value>> entries = new TreeMap<>();
    private long sizeBytes;

    SecondaryIndex(IndexDefinition definition, KeySchema tableKey) {
        this.definition = definition;
        this.tableKey = tableKey;
    }

    public IndexDefinition definition() {
        return definition;
    }

    public NavigableMap<StorageKey, Map<String, Value>> entries() {
        return entries;
    }

    public int itemCount() {
        return entries.size();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** @return null when the item is not in this index */
    public StorageKey keyOf(Map<String, Value> item) {
        if (item == null || !definition.key().isKeyedIn(item)) {
            return null;
        }
        // Items whose attribute has another type than the index key are left out (as DynamoDB's index back-fill does).
        if (item.get(definition.key().hash().name()).type() != definition.key().hash().type()
                || (definition.key().hasRange() && item.get(definition.key().range().name()).type() != definition.key().range().type())) {
            return null;
        }
        List<Value> parts = new ArrayList<>(4);
        parts.add(item.get(definition.key().hash().name()));
        if (definition.key().hasRange()) {
            parts.add(item.get(definition.key().range().name()));
        }
        parts.add(item.get(tableKey.hash().name()));
        if (tableKey.hasRange()) {
            parts.add(item.get(tableKey.range().name()));
        }
        return StorageKey.of(parts.toArray(new Value[0]));
    }

    /** Index key followed by table key, as LastEvaluatedKey of an index query carries them. */
    public Map<String, Value> entryKey(Map<String, Value> item) {
        Map<String, Value> key = tableKey.keyOf(item);
        for (String name : definition.key().names()) {
            key.put(name, item.get(name));
        }
        return key;
    }

    void update(Map<String, Value> before, Map<String, Value> after) {
        StorageKey oldKey = keyOf(before);
        if (oldKey != null) {
            Map<String, Value> removed = entries.remove(oldKey);
            if (removed != null) {
                sizeBytes -= ItemSize.of(removed);
            }
        }
        StorageKey newKey = keyOf(after);
        if (newKey != null) {
            Map<String, Value> projected = definition.project(after, tableKey);
            entries.put(newKey, projected);
            sizeBytes += ItemSize.of(projected);
        }
    }

    KeySchema tableKey() {
        return tableKey;
    }
}
