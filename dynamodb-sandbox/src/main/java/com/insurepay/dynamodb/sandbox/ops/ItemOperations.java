package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.admin.SandboxStats;
import com.insurepay.dynamodb.sandbox.durability.Mutation;
import com.insurepay.dynamodb.sandbox.expression.Path;
import com.insurepay.dynamodb.sandbox.expression.Projector;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.table.Database;
import com.insurepay.dynamodb.sandbox.table.Table;
import com.insurepay.dynamodb.sandbox.value.ItemSize;
import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueJson;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GetItem, PutItem, UpdateItem, DeleteItem. */
public final class ItemOperations {

    private static final Set<String> PUT_DELETE_RETURN = Set.of("NONE", "ALL_OLD");
    private static final Set<String> UPDATE_RETURN = Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    static final Set<String> CAPACITY = Set.of("INDEXES", "TOTAL", "NONE");

    private final Database db;
    private final SandboxStats stats;

    public ItemOperations(Database db, SandboxStats stats) {
        this.db = db;
        this.stats = stats;
    }

    public ObjectNode getItem(JsonNode request) {
        Params.refuseLegacy(request, "AttributesToGet");
        Table table = db.table(Params.tableName(request, "tableName"));
        Map<String, Value> key = ValueJson.readItem(request.get("Key"));
        ItemRules.checkKey(table.definition(), key);
        ExpressionParams expressions = new ExpressionParams(request);
        List<Path> projection = expressions.projection();
        expressions.finish(projection != null);
        boolean consistent = Params.bool(request, "ConsistentRead");
        String capacityMode = Params.oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", CAPACITY, "NONE");
        Map<String, Value> item = Locks.read(db, table, () -> table.get(key));
        Capacity capacity = new Capacity();
        capacity.read(table.name(), null, Capacity.readUnits(ItemSize.of(item), consistent));
        capacity.record(stats);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (item != null) {
            response.set("Item", ValueJson.writeItem(projection == null ? item : Projector.project(item, projection)));
        }
        putCapacity(response, capacity.single(capacityMode));
        return response;
    }

    public ObjectNode putItem(JsonNode request) {
        return write(request, PreparedWrite.Kind.PUT, PUT_DELETE_RETURN);
    }

    public ObjectNode updateItem(JsonNode request) {
        return write(request, PreparedWrite.Kind.UPDATE, UPDATE_RETURN);
    }

    public ObjectNode deleteItem(JsonNode request) {
        return write(request, PreparedWrite.Kind.DELETE, PUT_DELETE_RETURN);
    }

    private ObjectNode write(JsonNode request, PreparedWrite.Kind kind, Set<String> allowedReturns) {
        PreparedWrite write = PreparedWrite.parse(db, request, kind, "tableName");
        String returnValues = Params.string(request, "ReturnValues");
        if (returnValues != null && !allowedReturns.contains(returnValues)) {
            throw DynamoDbException.validation("Return values set to invalid value");
        }
        String capacityMode = Params.oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", CAPACITY, "NONE");
        Capacity capacity = new Capacity();
        Table table = write.table;
        Map<String, Value>[] images = Locks.write(db, List.of(table), () -> {
            Map<String, Value> before = table.get(write.key);
            if (!write.conditionHolds(before)) {
                capacity.failedWrite(table, before, 1);
                throw DynamoDbException.conditionalCheckFailed(body -> write.addFailedItem(body, before));
            }
            Map<String, Value> after = write.after(before);
            if (after == null) {
                table.delete(write.key);
                db.log().append(List.of(new Mutation.DeleteItem(table.name(), write.key)));
            } else {
                table.put(after);
                db.log().append(List.of(new Mutation.PutItem(table.name(), after)));
            }
            capacity.write(table, before, after, 1);
            @SuppressWarnings("unchecked")
            Map<String, Value>[] result = new Map[] {before, after};
            return result;
        }, () -> capacity.record(stats));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        Map<String, Value> attributes = returned(returnValues, write, images[0], images[1]);
        if (attributes != null && !attributes.isEmpty()) {
            response.set("Attributes", ValueJson.writeItem(attributes));
        }
        putCapacity(response, capacity.single(capacityMode));
        return response;
    }

    private static Map<String, Value> returned(String mode, PreparedWrite write, Map<String, Value> before, Map<String, Value> after) {
        if (mode == null || mode.equals("NONE")) {
            return null;
        }
        switch (mode) {
            case "ALL_OLD" :
                return before;
            case "ALL_NEW" :
                return after;
            case "UPDATED_OLD" :
                return before == null || write.update == null ? null : Projector.project(before, write.update.paths());
            default :
                return write.update == null ? null : Projector.project(after, write.update.paths());
        }
    }

    static void putCapacity(ObjectNode response, JsonNode consumed) {
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
    }
}
