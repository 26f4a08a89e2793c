package com.insurepay.dynamodb.sandbox.expression;

import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its expressions: it
 * resolves {@code #name}/{@code :value} references and remembers which were used, so the request can be refused
 * for unused ones as DynamoDB does.
 */
public final class ExpressionContext {

    private final Map<String, String> names;
    private final Map<String, Value> values;
    private final Set<String> usedNames = new TreeSet<>();
    private final Set<String> usedValues = new TreeSet<>();
    private String label = "Expression";

    public ExpressionContext(Map<String, String> names, Map<String, Value> values) {
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
    }

    /** Which parameter is being parsed, for messages ("ConditionExpression", "UpdateExpression", ...). */
    void label(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String name(String reference) {
        String name = names.get(reference);
        if (name == null) {
            throw invalid("An expression attribute name used in the document path is not defined; attribute name: " + reference);
        }
        usedNames.add(reference);
        return name;
    }

    Value value(String reference) {
        Value value = values.get(reference);
        if (value == null) {
            throw invalid("An expression attribute value used in expression is not defined; attribute value: " + reference);
        }
        usedValues.add(reference);
        return value;
    }

    /** After every expression of the request was parsed: DynamoDB refuses names or values that none of them used. */
    public void requireAllUsed() {
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    public DynamoDbException invalid(String detail) {
        return DynamoDbException.validation("Invalid " + label + ": " + detail);
    }

    DynamoDbException syntaxError(String source, List<Token> tokens, Token at) {
        int index = tokens.indexOf(at);
        int from = index > 0 ? tokens.get(index - 1).start() : at.start();
        int to = at.end();
        if (index >= 0 && index + 1 < tokens.size()) {
            to = tokens.get(index + 1).end();
        }
        String near = source.substring(Math.min(from, source.length()), Math.min(Math.max(to, from), source.length()));
        String token = at.kind() == Token.Kind.EOF ? "<EOF>" : "\"" + at.text() + "\"";
        return invalid("Syntax error; token: " + token + ", near: \"" + near + "\"");
    }

    DynamoDbException invalidCharacter(char c) {
        return invalid("Invalid character encountered; character: " + c);
    }
}
