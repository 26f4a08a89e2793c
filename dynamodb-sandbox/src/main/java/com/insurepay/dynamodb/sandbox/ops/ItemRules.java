package com.insurepay.dynamodb.sandbox.ops;

import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.table.IndexDefinition;
import com.insurepay.dynamodb.sandbox.table.KeySchema;
import com.insurepay.dynamodb.sandbox.table.TableDefinition;
import com.insurepay.dynamodb.sandbox.value.ItemSize;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.Map;

/** What DynamoDB checks about keys and items before it stores anything. */
final class ItemRules {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String NOT_VALID = "One or more parameter values are not valid. ";

    private ItemRules() {
    }

    /** A Key parameter: exactly the table's key attributes, of the right types. */
    static void checkKey(TableDefinition table, Map<String, Value> key) {
        if (key == null) {
            throw Params.constraint("null", "key", "Member must not be null");
        }
        KeySchema schema = table.key();
        if (key.size() != schema.names().size()) {
            throw DynamoDbException.validation("The provided key element does not match the schema");
        }
        for (KeySchema.Element e : elements(schema)) {
            Value v = key.get(e.name());
            if (v == null || v.type() != e.type()) {
                throw DynamoDbException.validation("The provided key element does not match the schema");
            }
            checkNotEmptyKey(v, e.name());
        }
    }

    /** A whole item for PutItem (or the result of an update): key attributes, index keys, size. */
    static void checkItem(TableDefinition table, Map<String, Value> item, boolean update) {
        for (KeySchema.Element e : elements(table.key())) {
            Value v = item.get(e.name());
            if (v == null) {
                throw DynamoDbException.validation(INVALID + "Missing the key " + e.name() + " in the item");
            }
            if (v.type() != e.type()) {
                throw DynamoDbException.validation(INVALID + "Type mismatch for key " + e.name() + " expected: " + e.type()
                        + " actual: " + v.type());
            }
            checkNotEmptyKey(v, e.name());
        }
        int hashSize = ItemSize.of(item.get(table.key().hash().name()));
        if (hashSize > 2048) {
            throw DynamoDbException.validation(INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
        if (table.key().hasRange() && ItemSize.of(item.get(table.key().range().name())) > 1024) {
            throw DynamoDbException.validation(INVALID + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
        for (IndexDefinition index : table.indexes()) {
            for (KeySchema.Element e : elements(index.key())) {
                Value v = item.get(e.name());
                if (v == null) {
                    continue;
                }
                if (v.type() != e.type()) {
                    throw DynamoDbException.validation(INVALID + "Type mismatch for Index Key " + e.name() + " Expected: "
                            + e.type() + " Actual: " + v.type() + " IndexName: " + index.name());
                }
                if (isEmpty(v)) {
                    throw DynamoDbException.validation(NOT_VALID + "A value specified for a secondary index key is not supported."
                            + " The AttributeValue for a key attribute cannot contain an empty "
                            + (v.type() == com.insurepay.dynamodb.sandbox.value.ValueType.S ? "string" : "binary")
                            + " value. IndexName: " + index.name() + ", IndexKey: " + e.name());
                }
            }
        }
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation(update ? "Item size to update has exceeded the maximum allowed size"
                    : "Item size has exceeded the maximum allowed size");
        }
    }

    private static void checkNotEmptyKey(Value v, String name) {
        if (isEmpty(v)) {
            throw DynamoDbException.validation(NOT_VALID + "The AttributeValue for a key attribute cannot contain an empty "
                    + (v instanceof Value.S ? "string" : "binary") + " value. Key: " + name);
        }
    }

    private static boolean isEmpty(Value v) {
        return (v instanceof Value.S s && s.value().isEmpty()) || (v instanceof Value.B b && b.value().length == 0);
    }

    private static java.util.List<KeySchema.Element> elements(KeySchema schema) {
        return schema.hasRange() ? java.util.List.of(schema.hash(), schema.range()) : java.util.List.of(schema.hash());
    }
}
