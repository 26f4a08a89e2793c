package com.insurepay.dynamodb.sandbox.table;

import com.insurepay.dynamodb.sandbox.value.ItemSize;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A table's items and indexes. Callers hold {@link #lock()}: the read lock to read, the write lock to change
 * (single-item writes take it for one table, transactions for every table they touch, in name order). That makes
 * every single-item operation and every transaction atomic and isolated.
 */
public final class Table {

    private volatile TableDefinition definition;
    private final TreeMap<StorageKey, Map<String, Value>> items = new TreeMap<>();
    private final Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long sizeBytes;

    public Table(TableDefinition definition) {
        this.definition = definition;
        definition.indexes().forEach(i -> indexes.put(i.name(), new SecondaryIndex(i, definition.key())));
    }

    public TableDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public ReentrantReadWriteLock lock() {
        return lock;
    }

    public NavigableMap<StorageKey, Map<String, Value>> items() {
        return items;
    }

    public SecondaryIndex index(String name) {
        return indexes.get(name);
    }

    public Collection<SecondaryIndex> indexes() {
        return indexes.values();
    }

    public int itemCount() {
        return items.size();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public StorageKey storageKey(Map<String, Value> keyOrItem) {
        KeySchema key = definition.key();
        return key.hasRange()
                ? StorageKey.of(keyOrItem.get(key.hash().name()), keyOrItem.get(key.range().name()))
                : StorageKey.of(keyOrItem.get(key.hash().name()));
    }

    public Map<String, Value> get(Map<String, Value> key) {
        return items.get(storageKey(key));
    }

    /** Stores the item (replacing any with its key). @return the item it replaced, or null */
    public Map<String, Value> put(Map<String, Value> item) {
        Map<String, Value> stored = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(item));
        Map<String, Value> before = items.put(storageKey(stored), stored);
        sizeBytes += ItemSize.of(stored) - ItemSize.of(before);
        indexes.values().forEach(i -> i.update(before, stored));
        return before;
    }

    /** @return the deleted item, or null if there was none */
    public Map<String, Value> delete(Map<String, Value> key) {
        Map<String, Value> before = items.remove(storageKey(key));
        if (before != null) {
            sizeBytes -= ItemSize.of(before);
            indexes.values().forEach(i -> i.update(before, null));
        }
        return before;
    }

    /** UpdateTable: new definition; indexes created by it are back-filled from the items, removed ones dropped. */
    public void redefine(TableDefinition changed) {
        indexes.keySet().removeIf(name -> changed.index(name) == null);
        for (IndexDefinition i : changed.indexes()) {
            if (!indexes.containsKey(i.name())) {
                SecondaryIndex index = new SecondaryIndex(i, changed.key());
                items.values().forEach(item -> index.update(null, item));
                indexes.put(i.name(), index);
            }
        }
        definition = changed;
    }
}
