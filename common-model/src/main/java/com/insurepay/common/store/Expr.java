package com.insurepay.common.store;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds one request's expression placeholders: every attribute name and value gets a short {@code #n}/{@code :v}
 * token, so expressions read as intent ({@code e.name(STATUS) + " = " + e.value(...)}) and never collide.
 */
public final class Expr {

    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** The placeholder of an attribute name, the same one each time it is asked for. */
    public String name(String attribute) {
        return tokens.computeIfAbsent(attribute, a -> {
            String token = "#n" + tokens.size();
            names.put(token, a);
            return token;
        });
    }

    /** A fresh placeholder for a value. */
    public String value(AttributeValue value) {
        String token = ":v" + values.size();
        values.put(token, value);
        return token;
    }

    public String value(String s) {
        return value(Attr.s(s));
    }

    public String value(long n) {
        return value(Attr.n(n));
    }

    /** Placeholder to attribute name, as DynamoDB wants them. */
    public Map<String, String> names() {
        return names;
    }

    /** Null when no value was used (DynamoDB refuses an empty map). */
    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
