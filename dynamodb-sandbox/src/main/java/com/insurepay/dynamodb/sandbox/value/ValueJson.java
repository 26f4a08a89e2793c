package com.insurepay.dynamodb.sandbox.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** AttributeValue JSON ({@code {"S":"x"}}, {@code {"M":{...}}}, ...) to {@link Value} and back, with DynamoDB's checks. */
public final class ValueJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PREFIX = "One or more parameter values were invalid: ";

    private ValueJson() {
    }

    public static Map<String, Value> readItem(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Start of structure or map found where not expected");
        }
        Map<String, Value> item = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            item.put(e.getKey(), read(e.getValue()));
        }
        return item;
    }

    public static Value read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        int set = 0;
        Iterator<String> names = node.fieldNames();
        String typeName = null;
        while (names.hasNext()) {
            String name = names.next();
            if (!node.get(name).isNull()) {
                set++;
                typeName = name;
            }
        }
        if (set == 0) {
            throw DynamoDbException.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (set > 1) {
            throw DynamoDbException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        ValueType type = ValueType.parse(typeName);
        if (type == null) {
            throw DynamoDbException.serialization("Unrecognized field \"" + typeName + "\" in AttributeValue");
        }
        JsonNode v = node.get(typeName);
        switch (type) {
            case S :
                return new Value.S(text(v));
            case N :
                return new Value.N(Numbers.parse(text(v)));
            case B :
                return new Value.B(binary(v));
            case BOOL :
                if (!v.isBoolean()) {
                    throw DynamoDbException.serialization("BOOL must be a boolean");
                }
                return new Value.Bool(v.booleanValue());
            case NULL :
                if (!v.isBoolean() || !v.booleanValue()) {
                    throw DynamoDbException.validation(PREFIX + "Null attribute value types must have the value of true");
                }
                return Value.NULL;
            case M : {
                if (!v.isObject()) {
                    throw DynamoDbException.serialization("M must be an object");
                }
                return new Value.M(readItem(v));
            }
            case L : {
                List<Value> list = new ArrayList<>();
                for (JsonNode e : array(v)) {
                    list.add(read(e));
                }
                return new Value.L(list);
            }
            case SS : {
                List<String> raw = new ArrayList<>();
                for (JsonNode e : nonEmptySet(v, "string")) {
                    raw.add(text(e));
                }
                return new Value.SS(noDuplicates(raw, raw));
            }
            case NS : {
                List<BigDecimal> raw = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (JsonNode e : nonEmptySet(v, "number")) {
                    texts.add(text(e));
                    raw.add(Numbers.parse(text(e)));
                }
                List<BigDecimal> normalized = raw.stream().map(Numbers::normalize).toList();
                noDuplicates(normalized, texts);
                return new Value.NS(new LinkedHashSet<>(raw));
            }
            case BS : {
                List<ByteBuffer> raw = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (JsonNode e : nonEmptySet(v, "binary")) {
                    texts.add(text(e));
                    raw.add(ByteBuffer.wrap(binary(e)));
                }
                return new Value.BS(noDuplicates(raw, texts));
            }
            default :
                throw new IllegalStateException(type.name());
        }
    }

    private static String text(JsonNode v) {
        if (!v.isTextual()) {
            throw DynamoDbException.serialization("NUMBER_VALUE cannot be converted to String");
        }
        return v.textValue();
    }

    private static byte[] binary(JsonNode v) {
        try {
            return Base64.getDecoder().decode(text(v));
        } catch (IllegalArgumentException e) {
            throw DynamoDbException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + text(v).length());
        }
    }

    private static JsonNode array(JsonNode v) {
        if (!v.isArray()) {
            throw DynamoDbException.serialization("Unexpected field type");
        }
        return v;
    }

    private static JsonNode nonEmptySet(JsonNode v, String kind) {
        array(v);
        if (v.isEmpty()) {
            throw DynamoDbException.validation(PREFIX + "An " + kind + " set  may not be empty");
        }
        return v;
    }

    private static <T> Set<T> noDuplicates(List<T> values, List<String> shown) {
        Set<T> set = new LinkedHashSet<>(values);
        if (set.size() != values.size()) {
            throw DynamoDbException.validation(PREFIX + "Input collection " + shown + " contains duplicates.");
        }
        return set;
    }

    public static ObjectNode writeItem(Map<String, Value> item) {
        ObjectNode node = JSON.objectNode();
        item.forEach((k, v) -> node.set(k, write(v)));
        return node;
    }

    public static ObjectNode write(Value value) {
        ObjectNode node = JSON.objectNode();
        if (value instanceof Value.S s) {
            node.put("S", s.value());
        } else if (value instanceof Value.N n) {
            node.put("N", n.text());
        } else if (value instanceof Value.B b) {
            node.put("B", Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof Value.Bool b) {
            node.put("BOOL", b.value());
        } else if (value instanceof Value.Null) {
            node.put("NULL", true);
        } else if (value instanceof Value.M m) {
            node.set("M", writeItem(m.value()));
        } else if (value instanceof Value.L l) {
            ArrayNode a = node.putArray("L");
            l.value().forEach(e -> a.add(write(e)));
        } else if (value instanceof Value.SS ss) {
            ArrayNode a = node.putArray("SS");
            ss.value().forEach(a::add);
        } else if (value instanceof Value.NS ns) {
            ArrayNode a = node.putArray("NS");
            ns.value().forEach(n -> a.add(n.toPlainString()));
        } else if (value instanceof Value.BS bs) {
            ArrayNode a = node.putArray("BS");
            bs.value().forEach(b -> {
                byte[] bytes = new byte[b.remaining()];
                b.duplicate().get(bytes);
                a.add(Base64.getEncoder().encodeToString(bytes));
            });
        }
        return node;
    }

    /** DynamoDB's rendering of a value inside error messages, e.g. {@code {N:5}}. */
    public static String describe(Value value) {
        ObjectNode n = write(value);
        String type = n.fieldNames().next();
        JsonNode v = n.get(type);
        return "{" + type + ":" + (v.isTextual() ? v.textValue() : v.toString()) + "}";
    }
}
