package com.insurepay.dynamodb.sandbox.durability;

import com.insurepay.dynamodb.sandbox.table.TableDefinition;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.Map;

/** One change of the database's state, as the write-ahead log records it: effects, not requests. */
public sealed interface Mutation {

    record PutItem(String table, Map<String, Value> item) implements Mutation {
    }

    record DeleteItem(String table, Map<String, Value> key) implements Mutation {
    }

    record CreateTable(TableDefinition definition) implements Mutation {
    }

    record DeleteTable(String table) implements Mutation {
    }

    /** UpdateTable or UpdateTimeToLive: the table's new definition. */
    record Redefine(TableDefinition definition) implements Mutation {
    }
}
