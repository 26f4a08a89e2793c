package com.insurepay.sandbox.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;

/** Small helpers to build Stripe-shaped JSON trees (no reflection, so native builds need no hints). */
public final class Json {

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static ObjectNode map(Map<String, String> values) {
        ObjectNode node = object();
        values.forEach(node::put);
        return node;
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode node = array();
        values.forEach(node::add);
        return node;
    }

    /** Stripe's list envelope. */
    public static ObjectNode list(String url, Collection<ObjectNode> data, boolean hasMore) {
        ObjectNode node = object();
        node.put("object", "list");
        ArrayNode items = node.putArray("data");
        data.forEach(items::add);
        node.put("has_more", hasMore);
        node.put("url", url);
        return node;
    }

    public static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    public static void putNullable(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
