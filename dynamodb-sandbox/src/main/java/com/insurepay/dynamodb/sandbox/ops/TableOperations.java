package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.durability.Mutation;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.table.Database;
import com.insurepay.dynamodb.sandbox.table.IndexDefinition;
import com.insurepay.dynamodb.sandbox.table.KeySchema;
import com.insurepay.dynamodb.sandbox.table.Table;
import com.insurepay.dynamodb.sandbox.table.TableDefinition;
import com.insurepay.dynamodb.sandbox.value.ValueType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable, UpdateTimeToLive, DescribeTimeToLive. Tables
 * are usable at once: CreateTable answers CREATING like DynamoDB, DescribeTable already ACTIVE.
 */
public final class TableOperations {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> BILLING = Set.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final DateTimeFormatter STREAM_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Database db;

    public TableOperations(Database db) {
        this.db = db;
    }

    private <T> T exclusive(Supplier<T> body) {
        db.structureLock().writeLock().lock();
        try {
            return body.get();
        } finally {
            db.structureLock().writeLock().unlock();
        }
    }

    public ObjectNode createTable(JsonNode request) {
        String name = Params.tableName(request, "tableName");
        Map<String, ValueType> attributes = TableSpecs.attributeDefinitions(request.get("AttributeDefinitions"));
        JsonNode keyNode = request.get("KeySchema");
        if (keyNode == null || keyNode.isNull()) {
            throw Params.constraint("null", "keySchema", "Member must not be null");
        }
        KeySchema key = TableSpecs.keySchema(keyNode, attributes, "keySchema");
        String billing = Params.oneOf(request, "BillingMode", "billingMode", BILLING, "PROVISIONED");
        long[] throughput = TableSpecs.throughput(request.get("ProvisionedThroughput"), billing, null);
        Set<String> used = new HashSet<>(key.names());
        List<IndexDefinition> gsis = new ArrayList<>();
        List<IndexDefinition> lsis = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        for (JsonNode g : request.path("GlobalSecondaryIndexes")) {
            IndexDefinition i = TableSpecs.index(g, true, attributes, billing, key);
            if (!indexNames.add(i.name())) {
                throw DynamoDbException.validation(INVALID + "Duplicate index name: " + i.name());
            }
            used.addAll(i.key().names());
            gsis.add(i);
        }
        for (JsonNode l : request.path("LocalSecondaryIndexes")) {
            IndexDefinition i = TableSpecs.index(l, false, attributes, billing, key);
            if (!indexNames.add(i.name())) {
                throw DynamoDbException.validation(INVALID + "Duplicate index name: " + i.name());
            }
            used.addAll(i.key().names());
            lsis.add(i);
        }
        if (gsis.size() > 20) {
            throw DynamoDbException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
        }
        if (lsis.size() > 5) {
            throw DynamoDbException.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
        }
        if (!used.equals(attributes.keySet())) {
            throw DynamoDbException.validation(INVALID + "Number of attributes in KeySchema does not exactly match number of attributes"
                    + " defined in AttributeDefinitions");
        }
        JsonNode stream = request.get("StreamSpecification");
        boolean streamEnabled = stream != null && stream.path("StreamEnabled").asBoolean(false);
        String viewType = streamEnabled ? TableSpecs.viewType(stream) : null;
        long now = db.clock().millis();
        TableDefinition definition = new TableDefinition(name, UUID.randomUUID().toString(), now, key, attributes, billing,
                throughput[0], throughput[1], gsis, lsis, streamEnabled, viewType,
                streamEnabled ? STREAM_LABEL.format(Instant.ofEpochMilli(now)) : null, null, false,
                Params.bool(request, "DeletionProtectionEnabled"));
        return exclusive(() -> {
            if (db.tableOrNull(name) != null) {
                throw DynamoDbException.resourceInUse("Table already exists: " + name);
            }
            Mutation create = new Mutation.CreateTable(definition);
            db.log().append(List.of(create));
            db.apply(create);
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            ObjectNode description = TableDescriptions.describe(db.table(name), "CREATING", null);
            description.withArray("GlobalSecondaryIndexes").forEach(g -> ((ObjectNode) g).put("IndexStatus", "CREATING"));
            if (gsis.isEmpty()) {
                description.remove("GlobalSecondaryIndexes");
            }
            response.set("TableDescription", description);
            return response;
        });
    }

    public ObjectNode describeTable(JsonNode request) {
        String name = Params.tableName(request, "tableName");
        Table table = db.tableOrNull(name);
        if (table == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("Table", Locks.read(db, table, () -> TableDescriptions.describe(table, "ACTIVE", null)));
        return response;
    }

    public ObjectNode listTables(JsonNode request) {
        Integer limit = Params.integer(request, "Limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw Params.constraint("'" + limit + "'", "limit", limit < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 100");
        }
        int max = limit == null ? 100 : limit;
        String start = Params.string(request, "ExclusiveStartTableName");
        if (start != null) {
            Params.checkName(start, "exclusiveStartTableName");
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode names = response.putArray("TableNames");
        String last = null;
        boolean more = false;
        for (Table t : db.tables()) {
            if (start != null && t.name().compareTo(start) <= 0) {
                continue;
            }
            if (names.size() == max) {
                more = true;
                break;
            }
            names.add(t.name());
            last = t.name();
        }
        if (more) {
            response.put("LastEvaluatedTableName", last);
        }
        return response;
    }

    public ObjectNode deleteTable(JsonNode request) {
        String name = Params.tableName(request, "tableName");
        return exclusive(() -> {
            Table table = db.table(name);
            if (table.definition().deletionProtection()) {
                throw DynamoDbException.validation("Resource cannot be deleted as it is currently protected against deletion."
                        + " Disable deletion protection first.");
            }
            ObjectNode description = TableDescriptions.describe(table, "DELETING", null);
            Mutation drop = new Mutation.DeleteTable(name);
            db.log().append(List.of(drop));
            db.apply(drop);
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            response.set("TableDescription", description);
            return response;
        });
    }

    public ObjectNode updateTable(JsonNode request) {
        String name = Params.tableName(request, "tableName");
        return exclusive(() -> {
            Table table = db.table(name);
            TableDefinition d = table.definition();
            Map<String, ValueType> attributes = new LinkedHashMap<>(d.attributeDefinitions());
            if (request.has("AttributeDefinitions")) {
                TableSpecs.attributeDefinitions(request.get("AttributeDefinitions")).forEach((k, v) -> {
                    ValueType existing = attributes.putIfAbsent(k, v);
                    if (existing != null && existing != v) {
                        throw DynamoDbException.validation(INVALID + "Cannot change the type of attribute " + k);
                    }
                });
            }
            boolean changed = false;
            String billing = Params.oneOf(request, "BillingMode", "billingMode", BILLING, d.billingMode());
            TableDefinition next = d;
            if (request.has("BillingMode") || request.has("ProvisionedThroughput")) {
                long[] t = TableSpecs.throughput(request.get("ProvisionedThroughput"), billing,
                        billing.equals(d.billingMode()) ? new long[] {d.readCapacity(), d.writeCapacity()} : null);
                next = next.withBilling(billing, t[0], t[1]);
                changed = true;
            }
            List<IndexDefinition> gsis = new ArrayList<>(d.globalIndexes());
            int onlineChanges = 0;
            String newIndex = null;
            for (JsonNode u : request.path("GlobalSecondaryIndexUpdates")) {
                if (u.has("Create")) {
                    IndexDefinition i = TableSpecs.index(u.get("Create"), true, attributes, billing, d.key());
                    if (d.index(i.name()) != null) {
                        throw DynamoDbException.validation("Attempting to create an index which already exists");
                    }
                    gsis.add(i);
                    newIndex = i.name();
                    onlineChanges++;
                } else if (u.has("Delete")) {
                    String indexName = Params.required(u.get("Delete"), "IndexName", "indexName");
                    if (!gsis.removeIf(i -> i.name().equals(indexName))) {
                        throw DynamoDbException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
                    }
                    onlineChanges++;
                } else if (u.has("Update")) {
                    String indexName = Params.required(u.get("Update"), "IndexName", "indexName");
                    IndexDefinition i = d.index(indexName);
                    if (i == null || !i.global()) {
                        throw DynamoDbException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
                    }
                    long[] t = TableSpecs.throughput(u.get("Update").get("ProvisionedThroughput"), billing, null);
                    gsis.set(gsis.indexOf(i),
                            new IndexDefinition(i.name(), true, i.key(), i.projection(), i.nonKeyAttributes(), t[0], t[1]));
                }
                changed = true;
            }
            if (onlineChanges > 1) {
                throw DynamoDbException.limitExceeded("Subscriber limit exceeded: Only 1 online index can be created or deleted"
                        + " simultaneously per table");
            }
            if (gsis.size() > 20) {
                throw DynamoDbException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
            }
            Set<String> used = new LinkedHashSet<>(d.key().names());
            gsis.forEach(i -> used.addAll(i.key().names()));
            d.localIndexes().forEach(i -> used.addAll(i.key().names()));
            attributes.keySet().retainAll(used);
            next = next.withGlobalIndexes(gsis, attributes);
            JsonNode stream = request.get("StreamSpecification");
            if (stream != null && !stream.isNull()) {
                boolean enabled = stream.path("StreamEnabled").asBoolean(false);
                if (enabled == d.streamEnabled()) {
                    throw DynamoDbException.validation(enabled ? "Table already has an enabled stream: " + d.name()
                            : "Table " + d.name() + " does not have a stream to disable");
                }
                next = enabled
                        ? next.withStream(true, TableSpecs.viewType(stream), STREAM_LABEL.format(Instant.ofEpochMilli(db.clock().millis())))
                        : next.withStream(false, d.streamViewType(), d.streamLabel());
                changed = true;
            }
            if (request.has("DeletionProtectionEnabled")) {
                next = next.withDeletionProtection(Params.bool(request, "DeletionProtectionEnabled"));
                changed = true;
            }
            if (!changed) {
                throw DynamoDbException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                        + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
            }
            Mutation redefine = new Mutation.Redefine(next);
            db.log().append(List.of(redefine));
            db.apply(redefine);
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            ObjectNode description = TableDescriptions.describe(table, "UPDATING", null);
            if (newIndex != null) {
                for (JsonNode g : description.withArray("GlobalSecondaryIndexes")) {
                    if (g.get("IndexName").asText().equals(newIndex)) {
                        ((ObjectNode) g).put("IndexStatus", "CREATING");
                    }
                }
            }
            response.set("TableDescription", description);
            return response;
        });
    }

    public ObjectNode updateTimeToLive(JsonNode request) {
        String name = Params.tableName(request, "tableName");
        JsonNode spec = request.get("TimeToLiveSpecification");
        if (spec == null || spec.isNull()) {
            throw Params.constraint("null", "timeToLiveSpecification", "Member must not be null");
        }
        String attribute = Params.required(spec, "AttributeName", "timeToLiveSpecification.attributeName");
        if (!spec.has("Enabled")) {
            throw Params.constraint("null", "timeToLiveSpecification.enabled", "Member must not be null");
        }
        boolean enabled = spec.get("Enabled").asBoolean();
        return exclusive(() -> {
            Table table = db.table(name);
            TableDefinition d = table.definition();
            if (enabled && d.ttlEnabled()) {
                throw DynamoDbException.validation("TimeToLive is already enabled");
            }
            if (!enabled && !d.ttlEnabled()) {
                throw DynamoDbException.validation("TimeToLive is already disabled");
            }
            if (!enabled && !attribute.equals(d.ttlAttribute())) {
                throw DynamoDbException.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
                        + d.ttlAttribute());
            }
            Mutation redefine = new Mutation.Redefine(d.withTimeToLive(attribute, enabled));
            db.log().append(List.of(redefine));
            db.apply(redefine);
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            response.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enabled);
            return response;
        });
    }

    public ObjectNode describeTimeToLive(JsonNode request) {
        Table table = db.table(Params.tableName(request, "tableName"));
        TableDefinition d = table.definition();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode description = response.putObject("TimeToLiveDescription");
        description.put("TimeToLiveStatus", d.ttlEnabled() ? "ENABLED" : "DISABLED");
        if (d.ttlEnabled()) {
            description.put("AttributeName", d.ttlAttribute());
        }
        return response;
    }
}
