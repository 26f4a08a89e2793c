package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.insurepay.dynamodb.sandbox.expression.Condition;
import com.insurepay.dynamodb.sandbox.expression.ExpressionContext;
import com.insurepay.dynamodb.sandbox.expression.ExpressionParser;
import com.insurepay.dynamodb.sandbox.expression.Path;
import com.insurepay.dynamodb.sandbox.expression.UpdateExpression;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueJson;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The expressions of one request (or one transaction item), parsed together against its names and values. */
final class ExpressionParams {

    final ExpressionContext context;
    private final JsonNode node;
    private final boolean hasNames;
    private final boolean hasValues;

    ExpressionParams(JsonNode node) {
        this.node = node;
        Map<String, String> names = null;
        Map<String, Value> values = null;
        JsonNode n = node.get("ExpressionAttributeNames");
        if (n != null && !n.isNull()) {
            if (n.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
            }
            names = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                names.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode v = node.get("ExpressionAttributeValues");
        if (v != null && !v.isNull()) {
            if (v.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
            }
            values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    values.put(e.getKey(), ValueJson.read(e.getValue()));
                } catch (DynamoDbException bad) {
                    if (!bad.getMessage().startsWith("One or more parameter values")) {
                        throw bad; // number format and range errors read the same everywhere
                    }
                    throw DynamoDbException.validation("ExpressionAttributeValues contains invalid value: " + bad.getMessage()
                            + " for key " + e.getKey());
                }
            }
        }
        this.hasNames = names != null;
        this.hasValues = values != null;
        this.context = new ExpressionContext(names, values);
    }

    Condition condition(String field) {
        String source = Params.string(node, field);
        return source == null ? null : ExpressionParser.condition(field, source, context);
    }

    UpdateExpression update() {
        String source = Params.string(node, "UpdateExpression");
        return source == null ? null : ExpressionParser.update(source, context);
    }

    List<Path> projection() {
        String source = Params.string(node, "ProjectionExpression");
        return source == null ? null : ExpressionParser.projection(source, context);
    }

    /** Call after parsing every expression of the request. */
    void finish(boolean anyExpression) {
        if (!anyExpression && hasNames) {
            throw DynamoDbException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!anyExpression && hasValues) {
            throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using expressions");
        }
        context.requireAllUsed();
    }
}
