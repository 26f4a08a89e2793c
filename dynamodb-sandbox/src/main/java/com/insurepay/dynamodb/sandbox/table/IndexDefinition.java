package com.insurepay.dynamodb.sandbox.table;

import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A global or local secondary index: its key and what it projects. */
public record IndexDefinition(String name, boolean global, KeySchema key, ProjectionType projection,
        List<String> nonKeyAttributes, long readCapacity, long writeCapacity) {

    public enum ProjectionType {
        ALL,
        KEYS_ONLY,
        INCLUDE
    }

    public IndexDefinition {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    /** The item as this index stores it. */
    public Map<String, Value> project(Map<String, Value> item, KeySchema tableKey) {
        if (projection == ProjectionType.ALL) {
            return item;
        }
        Map<String, Value> projected = new LinkedHashMap<>();
        for (String name : tableKey.names()) {
            projected.put(name, item.get(name));
        }
        for (String name : key.names()) {
            projected.put(name, item.get(name));
        }
        if (projection == ProjectionType.INCLUDE) {
            for (String name : nonKeyAttributes) {
                Value v = item.get(name);
                if (v != null) {
                    projected.put(name, v);
                }
            }
        }
        return projected;
    }
}
