package com.insurepay.dynamodb.sandbox.table;

import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hash key and an optional range key, each with its scalar type. */
public record KeySchema(Element hash, Element range) {

    public record Element(String name, ValueType type) {
    }

    public boolean hasRange() {
        return range != null;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(hash.name());
        if (range != null) {
            names.add(range.name());
        }
        return names;
    }

    public boolean isKeyAttribute(String name) {
        return hash.name().equals(name) || (range != null && range.name().equals(name));
    }

    /** The key attributes of an item (which must have them). */
    public Map<String, Value> keyOf(Map<String, Value> item) {
        Map<String, Value> key = new LinkedHashMap<>();
        key.put(hash.name(), item.get(hash.name()));
        if (range != null) {
            key.put(range.name(), item.get(range.name()));
        }
        return key;
    }

    /** True if the item has every key attribute (sparse indexes leave the others out). */
    public boolean isKeyedIn(Map<String, Value> item) {
        return item.containsKey(hash.name()) && (range == null || item.containsKey(range.name()));
    }
}
