package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.admin.SandboxStats;
import com.insurepay.dynamodb.sandbox.durability.Mutation;
import com.insurepay.dynamodb.sandbox.expression.Path;
import com.insurepay.dynamodb.sandbox.expression.Projector;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.table.Database;
import com.insurepay.dynamodb.sandbox.table.StorageKey;
import com.insurepay.dynamodb.sandbox.table.Table;
import com.insurepay.dynamodb.sandbox.value.ItemSize;
import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts/deletes). Everything is processed at once:
 * UnprocessedKeys/UnprocessedItems are always empty here.
 */
public final class BatchOperations {

    private final Database db;
    private final SandboxStats stats;

    public BatchOperations(Database db, SandboxStats stats) {
        this.db = db;
        this.stats = stats;
    }

    private record TableGet(Table table, List<Map<String, Value>> keys, List<Path> projection, boolean consistent) {
    }

    public ObjectNode batchGetItem(JsonNode request) {
        JsonNode requestItems = nonEmptyMap(request, "RequestItems", "requestItems");
        List<TableGet> gets = new ArrayList<>();
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Params.checkName(e.getKey(), "requestItems");
            Table table = db.table(e.getKey());
            JsonNode spec = e.getValue();
            Params.refuseLegacy(spec, "AttributesToGet");
            ExpressionParams expressions = new ExpressionParams(spec);
            List<Path> projection = expressions.projection();
            expressions.finish(projection != null);
            List<Map<String, Value>> keys = new ArrayList<>();
            Set<StorageKey> seen = new HashSet<>();
            for (JsonNode k : spec.path("Keys")) {
                Map<String, Value> key = ValueJson.readItem(k);
                ItemRules.checkKey(table.definition(), key);
                if (!seen.add(table.storageKey(key))) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            if (keys.isEmpty()) {
                throw Params.constraint("[]", "requestItems." + e.getKey() + ".member.keys",
                        "Member must have length greater than or equal to 1");
            }
            total += keys.size();
            gets.add(new TableGet(table, keys, projection, Params.bool(spec, "ConsistentRead")));
        }
        if (total > 100) {
            throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
        }
        String capacityMode = Params.oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY, "NONE");
        Capacity capacity = new Capacity();
        ObjectNode responses = JsonNodeFactory.instance.objectNode();
        Locks.readAll(db, gets.stream().map(TableGet::table).toList(), () -> {
            for (TableGet g : gets) {
                ArrayNode found = responses.putArray(g.table().name());
                for (Map<String, Value> key : g.keys()) {
                    Map<String, Value> item = g.table().get(key);
                    capacity.read(g.table().name(), null, Capacity.readUnits(ItemSize.of(item), g.consistent()));
                    if (item != null) {
                        found.add(ValueJson.writeItem(g.projection() == null ? item : Projector.project(item, g.projection())));
                    }
                }
            }
            return null;
        });
        capacity.record(stats);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("Responses", responses);
        response.putObject("UnprocessedKeys");
        ItemOperations.putCapacity(response, capacity.list(capacityMode));
        return response;
    }

    private record TableWrite(Table table, Map<String, Value> key, Map<String, Value> item) {
    }

    public ObjectNode batchWriteItem(JsonNode request) {
        JsonNode requestItems = nonEmptyMap(request, "RequestItems", "requestItems");
        List<TableWrite> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Params.checkName(e.getKey(), "requestItems");
            Table table = db.table(e.getKey());
            for (JsonNode w : e.getValue()) {
                JsonNode put = w.get("PutRequest");
                JsonNode delete = w.get("DeleteRequest");
                if ((put == null) == (delete == null)) {
                    throw DynamoDbException.validation(
                            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                }
                TableWrite write;
                if (put != null) {
                    Map<String, Value> item = ValueJson.readItem(put.get("Item"));
                    if (item == null) {
                        throw Params.constraint("null", "requestItems." + e.getKey() + ".member.putRequest.item",
                                "Member must not be null");
                    }
                    ItemRules.checkItem(table.definition(), item, false);
                    write = new TableWrite(table, table.definition().key().keyOf(item), item);
                } else {
                    Map<String, Value> key = ValueJson.readItem(delete.get("Key"));
                    ItemRules.checkKey(table.definition(), key);
                    write = new TableWrite(table, key, null);
                }
                if (!seen.add(table.name() + "\u0000" + ValueJson.writeItem(new java.util.TreeMap<>(write.key())))) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        if (writes.size() > 25) {
            throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
        }
        String capacityMode = Params.oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY, "NONE");
        Capacity capacity = new Capacity();
        Map<String, Table> tables = new LinkedHashMap<>();
        writes.forEach(w -> tables.put(w.table().name(), w.table()));
        Locks.write(db, tables.values(), () -> {
            List<Mutation> mutations = new ArrayList<>();
            for (TableWrite w : writes) {
                Map<String, Value> before;
                if (w.item() == null) {
                    before = w.table().delete(w.key());
                    mutations.add(new Mutation.DeleteItem(w.table().name(), w.key()));
                } else {
                    before = w.table().put(w.item());
                    mutations.add(new Mutation.PutItem(w.table().name(), w.item()));
                }
                capacity.write(w.table(), before, w.item(), 1);
            }
            db.log().append(mutations);
            return null;
        }, () -> capacity.record(stats));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putObject("UnprocessedItems");
        ItemOperations.putCapacity(response, capacity.list(capacityMode));
        return response;
    }

    private static JsonNode nonEmptyMap(JsonNode request, String field, String member) {
        JsonNode v = request.get(field);
        if (v == null || v.isNull()) {
            throw Params.constraint("null", member, "Member must not be null");
        }
        if (v.isEmpty()) {
            throw Params.constraint("{}", member, "Member must have length greater than or equal to 1");
        }
        return v;
    }
}
