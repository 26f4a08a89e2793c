package com.insurepay.dynamodb.sandbox.table;

import com.insurepay.dynamodb.sandbox.value.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a table is besides its items, immutable: UpdateTable and UpdateTimeToLive replace it with a changed
 * copy ({@code with...}).
 */
public record TableDefinition(String name, String tableId, long createdEpochMillis, KeySchema key,
        Map<String, ValueType> attributeDefinitions, String billingMode, long readCapacity, long writeCapacity,
        List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes, boolean streamEnabled,
        String streamViewType, String streamLabel, String ttlAttribute, boolean ttlEnabled,
        boolean deletionProtection) {

    public TableDefinition {
        attributeDefinitions = new LinkedHashMap<>(attributeDefinitions);
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
    }

    public List<IndexDefinition> indexes() {
        List<IndexDefinition> all = new ArrayList<>(localIndexes);
        all.addAll(globalIndexes);
        return all;
    }

    public IndexDefinition index(String indexName) {
        for (IndexDefinition i : indexes()) {
            if (i.name().equals(indexName)) {
                return i;
            }
        }
        return null;
    }

    public TableDefinition withTimeToLive(String attribute, boolean enabled) {
        return new TableDefinition(name, tableId, createdEpochMillis, key, attributeDefinitions, billingMode, readCapacity,
                writeCapacity, globalIndexes, localIndexes, streamEnabled, streamViewType, streamLabel, attribute, enabled,
                deletionProtection);
    }

    public TableDefinition withGlobalIndexes(List<IndexDefinition> gsis, Map<String, ValueType> definitions) {
        return new TableDefinition(name, tableId, createdEpochMillis, key, definitions, billingMode, readCapacity,
                writeCapacity, gsis, localIndexes, streamEnabled, streamViewType, streamLabel, ttlAttribute, ttlEnabled,
                deletionProtection);
    }

    public TableDefinition withBilling(String mode, long read, long write) {
        return new TableDefinition(name, tableId, createdEpochMillis, key, attributeDefinitions, mode, read, write,
                globalIndexes, localIndexes, streamEnabled, streamViewType, streamLabel, ttlAttribute, ttlEnabled,
                deletionProtection);
    }

    public TableDefinition withStream(boolean enabled, String viewType, String label) {
        return new TableDefinition(name, tableId, createdEpochMillis, key, attributeDefinitions, billingMode, readCapacity,
                writeCapacity, globalIndexes, localIndexes, enabled, viewType, label, ttlAttribute, ttlEnabled,
                deletionProtection);
    }

    public TableDefinition withDeletionProtection(boolean enabled) {
        return new TableDefinition(name, tableId, createdEpochMillis, key, attributeDefinitions, billingMode, readCapacity,
                writeCapacity, globalIndexes, localIndexes, streamEnabled, streamViewType, streamLabel, ttlAttribute, ttlEnabled,
                enabled);
    }
}
