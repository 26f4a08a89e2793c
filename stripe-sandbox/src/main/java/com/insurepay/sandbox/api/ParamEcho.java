package com.insurepay.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.support.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parameters Stripe keeps on the object it returns ("echoes"): {@code billing_address_collection=required} comes
 * back as {@code "billing_address_collection": "required"}, {@code phone_number_collection[enabled]=true} as {@code
 * {"enabled": true}}, typed by the endpoint's schema (integers, booleans, lists). The services apply the parameters
 * that change an object's behaviour themselves; whatever else a request sends that is a field of the returned
 * object is echoed by this, so a client reading it back sees what it asked for.
 */
public final class ParamEcho {

    private ParamEcho() {
    }

    /** The request's top-level parameters outside {@code applied}, as typed JSON; an empty value (unset) is null. */
    public static ObjectNode of(StripeParams params, ParamSchema schema, Set<String> applied) {
        ObjectNode echo = Json.object();
        List<String> base = params.pathSegments();
        for (Map.Entry<String, Object> entry : params.tree().entrySet()) {
            if (!applied.contains(entry.getKey())) {
                echo.set(entry.getKey(), typed(entry.getValue(), append(base, entry.getKey()), schema));
            }
        }
        return echo;
    }

    /**
     * Sets each echoed field that the object's JSON has (Stripe echoes only fields of its object); objects are merged
     * so defaults Stripe shows beside the sent keys stay.
     */
    public static void applyTo(ObjectNode object, ObjectNode echo) {
        echo.fields().forEachRemaining(e -> {
            if (object.has(e.getKey())) {
                merge(object, e.getKey(), e.getValue());
            }
        });
    }

    private static void merge(ObjectNode target, String field, JsonNode value) {
        JsonNode current = target.get(field);
        if (current instanceof ObjectNode currentObject && value instanceof ObjectNode valueObject) {
            valueObject.fields().forEachRemaining(e -> merge(currentObject, e.getKey(), e.getValue()));
        } else {
            target.set(field, value.deepCopy());
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonNode typed(Object value, List<String> path, ParamSchema schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof String s) {
            if (s.isEmpty()) {
                return f.nullNode();
            }
            String type = schema.find(path).map(ParamSchema.Param::type).orElse("string");
            return switch (type) {
                case "integer" -> f.numberNode(Long.parseLong(s.trim()));
                case "boolean" -> f.booleanNode(Boolean.parseBoolean(s));
                default -> f.textNode(s);
            };
        }
        Map<String, Object> map = (Map<String, Object>) value;
        if (!map.isEmpty() && isList(map, path, schema)) {
            ArrayNode array = f.arrayNode();
            List<String> indexes = new ArrayList<>(map.keySet());
            indexes.sort(Comparator.comparingInt(Integer::parseInt));
            for (String index : indexes) {
                array.add(typed(map.get(index), append(path, index), schema));
            }
            return array;
        }
        ObjectNode object = f.objectNode();
        map.forEach((k, v) -> object.set(k, typed(v, append(path, k), schema)));
        return object;
    }

    private static boolean isList(Map<String, Object> map, List<String> path, ParamSchema schema) {
        String first = map.keySet().iterator().next();
        return map.keySet().stream().allMatch(k -> !k.isEmpty() && k.chars().allMatch(Character::isDigit))
                && schema.isListAt(append(path, first));
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> out = new ArrayList<>(path);
        out.add(segment);
        return out;
    }
}
