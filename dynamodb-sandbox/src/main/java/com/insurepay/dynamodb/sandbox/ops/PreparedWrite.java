package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.insurepay.dynamodb.sandbox.expression.Condition;
import com.insurepay.dynamodb.sandbox.expression.ConditionEvaluator;
import com.insurepay.dynamodb.sandbox.expression.UpdateApplier;
import com.insurepay.dynamodb.sandbox.expression.UpdateExpression;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.table.Database;
import com.insurepay.dynamodb.sandbox.table.Table;
import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueJson;
import java.util.Map;
import java.util.Set;

/**
 * One write of one item (Put, Update, Delete, or a transaction's ConditionCheck), parsed and validated outside any
 * lock; {@link #conditionHolds} and {@link #after} are then decided under the table's write lock.
 */
final class PreparedWrite {

    enum Kind {
        PUT,
        UPDATE,
        DELETE,
        CHECK
    }

    static final Set<String> ON_FAILURE = Set.of("NONE", "ALL_OLD");

    final Kind kind;
    final Table table;
    final Map<String, Value> key;
    final Map<String, Value> item;
    final UpdateExpression update;
    final Condition condition;
    final boolean returnOldOnFailure;

    private PreparedWrite(Kind kind, Table table, Map<String, Value> key, Map<String, Value> item, UpdateExpression update,
            Condition condition, boolean returnOldOnFailure) {
        this.kind = kind;
        this.table = table;
        this.key = key;
        this.item = item;
        this.update = update;
        this.condition = condition;
        this.returnOldOnFailure = returnOldOnFailure;
    }

    /** Parses the write from a request (or a transaction item); {@code kind} says which parameters apply. */
    static PreparedWrite parse(Database db, JsonNode node, Kind kind, String tableMember) {
        Params.refuseLegacy(node, "Expected", "ConditionalOperator", "AttributeUpdates");
        String tableName = Params.tableName(node, tableMember);
        Table table = db.table(tableName);
        ExpressionParams expressions = new ExpressionParams(node);
        Map<String, Value> item = null;
        Map<String, Value> key;
        if (kind == Kind.PUT) {
            item = ValueJson.readItem(node.get("Item"));
            if (item == null) {
                throw Params.constraint("null", "item", "Member must not be null");
            }
            ItemRules.checkItem(table.definition(), item, false);
            key = table.definition().key().keyOf(item);
        } else {
            key = ValueJson.readItem(node.get("Key"));
            ItemRules.checkKey(table.definition(), key);
        }
        UpdateExpression update = null;
        if (kind == Kind.UPDATE) {
            update = expressions.update();
            if (update != null) {
                for (UpdateExpression.Action a : update.actions()) {
                    if (table.definition().key().isKeyAttribute(a.path().topName())) {
                        throw DynamoDbException.validation("One or more parameter values were invalid: Cannot update attribute "
                                + a.path().topName() + ". This attribute is part of the key");
                    }
                }
            }
        }
        Condition condition = expressions.condition("ConditionExpression");
        if (kind == Kind.CHECK && condition == null) {
            throw Params.constraint("null", "conditionExpression", "Member must not be null");
        }
        expressions.finish(condition != null || update != null);
        String onFailure = Params.oneOf(node, "ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure",
                ON_FAILURE, "NONE");
        return new PreparedWrite(kind, table, key, item, update, condition, onFailure.equals("ALL_OLD"));
    }

    boolean conditionHolds(Map<String, Value> before) {
        return condition == null || ConditionEvaluator.test(condition, before == null ? Map.of() : before);
    }

    /** The item after this write: null for a delete; the unchanged item for a check. */
    Map<String, Value> after(Map<String, Value> before) {
        switch (kind) {
            case PUT :
                return item;
            case DELETE :
                return null;
            case CHECK :
                return before;
            default : {
                Map<String, Value> base = before == null ? key : before;
                Map<String, Value> after = update == null ? new java.util.LinkedHashMap<>(base) : UpdateApplier.apply(update, base);
                after.putAll(key);
                ItemRules.checkItem(table.definition(), after, true);
                return after;
            }
        }
    }

    /** The attributes of the item that failed the condition, when the caller asked for them. */
    void addFailedItem(com.fasterxml.jackson.databind.node.ObjectNode target, Map<String, Value> before) {
        if (returnOldOnFailure && before != null) {
            target.set("Item", ValueJson.writeItem(before));
        }
    }
}
