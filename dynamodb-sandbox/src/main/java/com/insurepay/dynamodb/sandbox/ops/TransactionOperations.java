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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * TransactWriteItems and TransactGetItems. A write transaction locks every table it touches (in name order),
 * checks every condition first, and either applies all its writes (one log record) or none, answering
 * TransactionCanceledException with one reason per action, in order.
 */
public final class TransactionOperations {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_ACTIONS = 100;

    private record Token(String fingerprint, long expiresAtMillis) {
    }

    private final Database db;
    private final SandboxStats stats;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public TransactionOperations(Database db, SandboxStats stats) {
        this.db = db;
        this.stats = stats;
    }

    public ObjectNode transactWriteItems(JsonNode request) {
        JsonNode actions = request.get("TransactItems");
        checkCount(actions);
        String capacityMode = Params.oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY, "NONE");
        String token = Params.string(request, "ClientRequestToken");
        if (token != null && (token.isEmpty() || token.length() > 36)) {
            throw Params.constraint("'" + token + "'", "clientRequestToken", "Member must have length less than or equal to 36");
        }
        List<PreparedWrite> writes = new ArrayList<>();
        Set<StorageKeyOfTable> seen = new HashSet<>();
        int i = 0;
        for (JsonNode action : actions) {
            PreparedWrite w = parseAction(action, i++);
            if (!seen.add(new StorageKeyOfTable(w.table.name(), w.table.storageKey(w.key)))) {
                throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(w);
        }
        Capacity capacity = new Capacity();
        if (token != null && repeated(token, actions)) {
            writes.forEach(w -> capacity.touch(w.table.name()));
            return withCapacity(JsonNodeFactory.instance.objectNode(), capacity.list(capacityMode));
        }
        Locks.write(db, writes.stream().map(w -> w.table).toList(), () -> {
            List<Map<String, Value>> befores = new ArrayList<>();
            List<Map<String, Value>> afters = new ArrayList<>();
            List<ObjectNode> reasons = new ArrayList<>();
            boolean cancelled = false;
            for (PreparedWrite w : writes) {
                Map<String, Value> before = w.table.get(w.key);
                befores.add(before);
                ObjectNode reason = JsonNodeFactory.instance.objectNode();
                if (!w.conditionHolds(before)) {
                    reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                    w.addFailedItem(reason, before);
                    cancelled = true;
                    afters.add(null);
                } else {
                    try {
                        afters.add(w.after(before));
                        reason.put("Code", "None");
                    } catch (DynamoDbException invalid) {
                        reason.put("Code", "ValidationError").put("Message", invalid.getMessage());
                        cancelled = true;
                        afters.add(null);
                    }
                }
                reasons.add(reason);
            }
            if (cancelled) {
                for (int k = 0; k < writes.size(); k++) {
                    capacity.failedWrite(writes.get(k).table, befores.get(k), 2);
                }
                String codes = reasons.stream().map(r -> r.get("Code").asText()).collect(Collectors.joining(", "));
                throw DynamoDbException.transactionCanceled(
                        "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]",
                        body -> {
                            ArrayNode list = body.putArray("CancellationReasons");
                            reasons.forEach(list::add);
                        });
            }
            List<Mutation> mutations = new ArrayList<>();
            for (int k = 0; k < writes.size(); k++) {
                PreparedWrite w = writes.get(k);
                Map<String, Value> after = afters.get(k);
                switch (w.kind) {
                    case CHECK :
                        capacity.failedWrite(w.table, befores.get(k), 2);
                        continue;
                    case DELETE :
                        w.table.delete(w.key);
                        mutations.add(new Mutation.DeleteItem(w.table.name(), w.key));
                        break;
                    default :
                        w.table.put(after);
                        mutations.add(new Mutation.PutItem(w.table.name(), after));
                }
                capacity.write(w.table, befores.get(k), after, 2);
            }
            db.log().append(mutations);
            if (token != null) {
                tokens.put(token, new Token(actions.toString(), db.clock().millis() + TOKEN_LIFETIME.toMillis()));
            }
            return null;
        }, () -> capacity.record(stats));
        return withCapacity(JsonNodeFactory.instance.objectNode(), capacity.list(capacityMode));
    }

    private record StorageKeyOfTable(String table, StorageKey key) {
    }

    /** True if this token already committed this very request within 10 minutes (then nothing is done again). */
    private boolean repeated(String token, JsonNode actions) {
        long now = db.clock().millis();
        tokens.values().removeIf(t -> t.expiresAtMillis() <= now);
        Token previous = tokens.get(token);
        if (previous == null) {
            return false;
        }
        if (!previous.fingerprint().equals(actions.toString())) {
            throw DynamoDbException.idempotentParameterMismatch(
                    "The request uses the same client token as a previous, but non-identical request.");
        }
        return true;
    }

    private PreparedWrite parseAction(JsonNode action, int index) {
        String[] kinds = {"ConditionCheck", "Put", "Delete", "Update"};
        PreparedWrite.Kind[] mapped = {PreparedWrite.Kind.CHECK, PreparedWrite.Kind.PUT, PreparedWrite.Kind.DELETE,
                PreparedWrite.Kind.UPDATE};
        PreparedWrite found = null;
        for (int k = 0; k < kinds.length; k++) {
            JsonNode n = action.get(kinds[k]);
            if (n != null && !n.isNull()) {
                if (found != null) {
                    throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
                }
                found = PreparedWrite.parse(db, n, mapped[k],
                        "transactItems." + (index + 1) + ".member." + kinds[k].toLowerCase() + ".tableName");
            }
        }
        if (found == null) {
            throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        return found;
    }

    private static void checkCount(JsonNode actions) {
        if (actions == null || actions.isNull()) {
            throw Params.constraint("null", "transactItems", "Member must not be null");
        }
        if (actions.isEmpty()) {
            throw Params.constraint("[]", "transactItems", "Member must have length greater than or equal to 1");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw Params.constraint("'[" + actions.size() + " items]'", "transactItems",
                    "Member must have length less than or equal to 100");
        }
    }

    private record Get(Table table, Map<String, Value> key, List<Path> projection) {
    }

    public ObjectNode transactGetItems(JsonNode request) {
        JsonNode actions = request.get("TransactItems");
        checkCount(actions);
        String capacityMode = Params.oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY, "NONE");
        List<Get> gets = new ArrayList<>();
        for (JsonNode action : actions) {
            JsonNode g = action.get("Get");
            if (g == null || g.isNull()) {
                throw Params.constraint("null", "transactItems.member.get", "Member must not be null");
            }
            Table table = db.table(Params.tableName(g, "transactItems.member.get.tableName"));
            Map<String, Value> key = ValueJson.readItem(g.get("Key"));
            ItemRules.checkKey(table.definition(), key);
            ExpressionParams expressions = new ExpressionParams(g);
            List<Path> projection = expressions.projection();
            expressions.finish(projection != null);
            gets.add(new Get(table, key, projection));
        }
        Capacity capacity = new Capacity();
        ArrayNode responses = JsonNodeFactory.instance.arrayNode();
        Locks.readAll(db, gets.stream().map(Get::table).toList(), () -> {
            for (Get g : gets) {
                Map<String, Value> item = g.table().get(g.key());
                capacity.read(g.table().name(), null, Capacity.readUnits(ItemSize.of(item), true) * 2);
                ObjectNode r = responses.addObject();
                if (item != null) {
                    r.set("Item", ValueJson.writeItem(g.projection() == null ? item : Projector.project(item, g.projection())));
                }
            }
            return null;
        });
        capacity.record(stats);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("Responses", responses);
        return withCapacity(response, capacity.list(capacityMode));
    }

    private static ObjectNode withCapacity(ObjectNode response, JsonNode consumed) {
        ItemOperations.putCapacity(response, consumed);
        return response;
    }
}
