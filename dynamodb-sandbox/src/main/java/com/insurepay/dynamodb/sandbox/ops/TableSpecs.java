package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.table.IndexDefinition;
import com.insurepay.dynamodb.sandbox.table.KeySchema;
import com.insurepay.dynamodb.sandbox.value.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parts of CreateTable and UpdateTable requests (attributes, key schemas, indexes, throughput, streams), checked as DynamoDB checks them. */
final class TableSpecs {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> VIEW_TYPES = Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

    private TableSpecs() {
    }

    static Map<String, ValueType> attributeDefinitions(JsonNode node) {
        if (node == null || node.isNull()) {
            throw Params.constraint("null", "attributeDefinitions", "Member must not be null");
        }
        Map<String, ValueType> attributes = new LinkedHashMap<>();
        for (JsonNode a : node) {
            String name = Params.required(a, "AttributeName", "attributeDefinitions.member.attributeName");
            String type = Params.required(a, "AttributeType", "attributeDefinitions.member.attributeType");
            ValueType t = ValueType.parse(type);
            if (t == null || !t.isScalarKeyType()) {
                throw Params.constraint("'" + type + "'", "attributeDefinitions.member.attributeType",
                        "Member must satisfy enum value set: [B, N, S]");
            }
            if (attributes.put(name, t) != null) {
                throw DynamoDbException.validation(INVALID + "Duplicate AttributeName in AttributeDefinitions: " + name);
            }
        }
        return attributes;
    }

    static KeySchema keySchema(JsonNode node, Map<String, ValueType> attributes, String member) {
        if (node.isEmpty()) {
            throw Params.constraint("[]", member, "Member must have length greater than or equal to 1");
        }
        if (node.size() > 2) {
            throw Params.constraint("'" + node + "'", member, "Member must have length less than or equal to 2");
        }
        KeySchema.Element hash = null;
        KeySchema.Element range = null;
        List<String> missing = new ArrayList<>();
        int i = 0;
        for (JsonNode k : node) {
            String name = Params.required(k, "AttributeName", member + ".member.attributeName");
            String type = Params.required(k, "KeyType", member + ".member.keyType");
            if (!attributes.containsKey(name)) {
                missing.add(name);
            }
            KeySchema.Element e = new KeySchema.Element(name, attributes.get(name));
            if (type.equals("HASH")) {
                if (i != 0) {
                    throw DynamoDbException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
                }
                hash = e;
            } else if (type.equals("RANGE")) {
                if (i == 0) {
                    throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
                }
                range = e;
            } else {
                throw Params.constraint("'" + type + "'", member + ".member.keyType", "Member must satisfy enum value set: [HASH, RANGE]");
            }
            i++;
        }
        if (range != null && range.name().equals(hash.name())) {
            throw DynamoDbException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!missing.isEmpty()) {
            throw DynamoDbException.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + missing + ", AttributeDefinitions: " + attributes.keySet());
        }
        return new KeySchema(hash, range);
    }

    static IndexDefinition index(JsonNode node, boolean global, Map<String, ValueType> attributes, String billing, KeySchema tableKey) {
        String name = Params.required(node, "IndexName", "indexName");
        Params.checkName(name, "indexName");
        JsonNode keyNode = node.get("KeySchema");
        if (keyNode == null || keyNode.isNull()) {
            throw Params.constraint("null", "keySchema", "Member must not be null");
        }
        KeySchema key = keySchema(keyNode, attributes, "keySchema");
        if (!global) {
            if (!tableKey.hasRange()) {
                throw DynamoDbException.validation(INVALID + "Table KeySchema does not have a range key, which is required when"
                        + " specifying a LocalSecondaryIndex");
            }
            if (!key.hash().name().equals(tableKey.hash().name())) {
                throw DynamoDbException.validation(INVALID + "Index KeySchema does not have the same leading hash key as table"
                        + " KeySchema for index: " + name + ". index hash key: " + key.hash().name() + ", table hash key: "
                        + tableKey.hash().name());
            }
            if (!key.hasRange()) {
                throw DynamoDbException.validation(INVALID + "Index KeySchema does not have a range key for index: " + name);
            }
        }
        JsonNode projection = node.get("Projection");
        if (projection == null || projection.isNull()) {
            throw Params.constraint("null", "projection", "Member must not be null");
        }
        String type = Params.oneOf(projection, "ProjectionType", "projection.projectionType", Set.of("ALL", "KEYS_ONLY", "INCLUDE"), null);
        if (type == null) {
            throw DynamoDbException.validation(INVALID + "Unknown ProjectionType: null");
        }
        List<String> nonKey = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
        if (type.equals("INCLUDE") && nonKey.isEmpty()) {
            throw DynamoDbException.validation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        if (!type.equals("INCLUDE") && projection.has("NonKeyAttributes")) {
            throw DynamoDbException.validation(INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        long[] throughput = global ? throughput(node.get("ProvisionedThroughput"), billing, null, name) : new long[] {0, 0};
        return new IndexDefinition(name, global, key, IndexDefinition.ProjectionType.valueOf(type), nonKey, throughput[0], throughput[1]);
    }

    static long[] throughput(JsonNode node, String billing, long[] fallback) {
        return throughput(node, billing, fallback, null);
    }

    static long[] throughput(JsonNode node, String billing, long[] fallback, String indexName) {
        boolean given = node != null && !node.isNull();
        if (billing.equals("PAY_PER_REQUEST")) {
            if (given && (node.path("ReadCapacityUnits").asLong(0) > 0 || node.path("WriteCapacityUnits").asLong(0) > 0)) {
                throw DynamoDbException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when"
                        + " BillingMode is PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (!given) {
            if (fallback != null) {
                return fallback;
            }
            throw DynamoDbException
                    .validation(indexName != null ? INVALID + "ProvisionedThroughput must be specified for index: " + indexName
                            : INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        long read = node.path("ReadCapacityUnits").asLong(0);
        long write = node.path("WriteCapacityUnits").asLong(0);
        if (read < 1 || write < 1) {
            throw Params.constraint("'" + Math.min(read, write) + "'", "provisionedThroughput",
                    "Member must have value greater than or equal to 1");
        }
        return new long[] {read, write};
    }

    static String viewType(JsonNode stream) {
        String type = Params.string(stream, "StreamViewType");
        if (type == null) {
            throw DynamoDbException.validation(INVALID + "You must specify a StreamViewType when enabling a stream");
        }
        if (!VIEW_TYPES.contains(type)) {
            throw Params.constraint("'" + type + "'", "streamSpecification.streamViewType",
                    "Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }
        return type;
    }
}
