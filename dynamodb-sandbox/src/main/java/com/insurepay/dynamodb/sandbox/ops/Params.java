package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads request parameters with the constraint messages of DynamoDB's request validation. */
final class Params {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private Params() {
    }

    static String tableName(JsonNode node, String member) {
        JsonNode v = node.get("TableName");
        if (v == null || v.isNull()) {
            throw constraint("null", member, "Member must not be null");
        }
        String name = v.asText();
        checkName(name, member);
        return name;
    }

    static void checkName(String name, String member) {
        if (name.length() < 3) {
            throw constraint("'" + name + "'", member, "Member must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            throw constraint("'" + name + "'", member, "Member must have length less than or equal to 255");
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            throw constraint("'" + name + "'", member, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String required(JsonNode node, String field, String member) {
        String v = string(node, field);
        if (v == null) {
            throw constraint("null", member, "Member must not be null");
        }
        return v;
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.asBoolean(false);
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    static String oneOf(JsonNode node, String field, String member, Set<String> allowed, String fallback) {
        String v = string(node, field);
        if (v == null) {
            return fallback;
        }
        if (!allowed.contains(v)) {
            throw constraint("'" + v + "'", member, "Member must satisfy enum value set: " + allowed);
        }
        return v;
    }

    /** Legacy (pre-expression) parameters are not served: say so instead of ignoring them. */
    static void refuseLegacy(JsonNode node, String... fields) {
        for (String f : fields) {
            if (node.has(f) && !node.get(f).isNull()) {
                throw DynamoDbException.validation("dynamodb-sandbox supports expression parameters only; the legacy parameter "
                        + f + " is not supported (use the corresponding *Expression parameter)");
            }
        }
    }

    static DynamoDbException constraint(String value, String member, String constraint) {
        return DynamoDbException.validation("1 validation error detected: Value " + value + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
