package com.insurepay.dynamodb.sandbox;

import static com.insurepay.dynamodb.sandbox.Sandboxes.client;
import static com.insurepay.dynamodb.sandbox.Sandboxes.item;
import static com.insurepay.dynamodb.sandbox.Sandboxes.n;
import static com.insurepay.dynamodb.sandbox.Sandboxes.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** GetItem, PutItem, UpdateItem, DeleteItem through the real AWS SDK: happy paths and documented errors. */
class ItemOperationsTest {

    static String table;

    @BeforeAll
    static void createTable() {
        table = Sandboxes.createTable("items", true);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return item("pk", pk, "sk", sk);
    }

    @Test
    void a_put_item_is_read_back_with_every_data_type() {
        Map<String, AttributeValue> stored = item("pk", "types", "sk", "1", "s", "text", "n", 12.50,
                "b", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromUtf8String("bytes")),
                "bool", AttributeValue.fromBool(true), "null", AttributeValue.fromNul(true),
                "m", AttributeValue.fromM(Map.of("inner", s("x"))), "l", AttributeValue.fromL(java.util.List.of(n("1"), s("two"))),
                "ss", AttributeValue.fromSs(java.util.List.of("a", "b")), "ns", AttributeValue.fromNs(java.util.List.of("1", "2.5")),
                "bs", AttributeValue.fromBs(java.util.List.of(software.amazon.awssdk.core.SdkBytes.fromUtf8String("x"))));
        client().putItem(b -> b.tableName(table).item(stored));
        Map<String, AttributeValue> read = client().getItem(b -> b.tableName(table).key(key("types", "1")).consistentRead(true)).item();
        assertEquals("12.5", read.get("n").n(), "numbers come back normalised");
        assertEquals("text", read.get("s").s());
        assertEquals("bytes", read.get("b").b().asUtf8String());
        assertTrue(read.get("bool").bool());
        assertTrue(read.get("null").nul());
        assertEquals("x", read.get("m").m().get("inner").s());
        assertEquals("two", read.get("l").l().get(1).s());
        assertEquals(java.util.List.of("a", "b"), read.get("ss").ss());
        assertEquals(java.util.List.of("1", "2.5"), read.get("ns").ns());
        assertEquals(1, read.get("bs").bs().size());
    }

    @Test
    void a_missing_item_reads_as_no_item() {
        assertFalse(client().getItem(b -> b.tableName(table).key(key("nobody", "1"))).hasItem());
    }

    @Test
    void attribute_not_exists_refuses_a_second_put_of_the_same_key() {
        client().putItem(b -> b.tableName(table).item(item("pk", "once", "sk", "1", "v", 1))
                .conditionExpression("attribute_not_exists(pk)"));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> client().putItem(b -> b.tableName(table)
                        .item(item("pk", "once", "sk", "1", "v", 2)).conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertTrue(e.getMessage().startsWith("The conditional request failed"), e.getMessage());
        assertEquals("1", e.item().get("v").n(), "ALL_OLD on failure returns the stored item");
        assertEquals(400, e.statusCode());
    }

    @Test
    void put_returns_the_old_item_with_all_old() {
        client().putItem(b -> b.tableName(table).item(item("pk", "old", "sk", "1", "v", "first")));
        Map<String, AttributeValue> old = client().putItem(b -> b.tableName(table).item(item("pk", "old", "sk", "1", "v", "second"))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertEquals("first", old.get("v").s());
    }

    @Test
    void update_creates_the_item_and_returns_what_was_asked() {
        UpdateItemResponse created = client().updateItem(b -> b.tableName(table).key(key("upd", "1"))
                .updateExpression("SET #c = if_not_exists(#c, :zero) + :one, tags = :tags")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1"), ":tags", AttributeValue.fromSs(java.util.List.of("a"))))
                .returnValues(ReturnValue.ALL_NEW));
        assertEquals("1", created.attributes().get("count").n());
        assertEquals("upd", created.attributes().get("pk").s(), "ALL_NEW includes the key");
        UpdateItemResponse updated = client().updateItem(b -> b.tableName(table).key(key("upd", "1"))
                .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n("1"))).returnValues(ReturnValue.UPDATED_OLD));
        assertEquals(Map.of("count", n("1")), updated.attributes(), "UPDATED_OLD: only the updated attributes, before");
        UpdateItemResponse newer = client().updateItem(b -> b.tableName(table).key(key("upd", "1"))
                .updateExpression("REMOVE tags").returnValues(ReturnValue.UPDATED_NEW));
        assertFalse(newer.hasAttributes() && newer.attributes().containsKey("tags"));
    }

    @Test
    void an_update_of_a_key_attribute_is_refused() {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client().updateItem(b -> b.tableName(table)
                .key(key("k", "1")).updateExpression("SET sk = :v").expressionAttributeValues(Map.of(":v", s("2")))));
        assertEquals("One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key",
                e.awsErrorDetails().errorMessage());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void delete_returns_the_deleted_item_and_checks_its_condition() {
        client().putItem(b -> b.tableName(table).item(item("pk", "del", "sk", "1", "state", "open")));
        assertThrows(ConditionalCheckFailedException.class, () -> client().deleteItem(b -> b.tableName(table).key(key("del", "1"))
                .conditionExpression("#s = :closed").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":closed", s("closed")))));
        Map<String, AttributeValue> gone = client().deleteItem(b -> b.tableName(table).key(key("del", "1"))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertEquals("open", gone.get("state").s());
        assertFalse(client().getItem(b -> b.tableName(table).key(key("del", "1"))).hasItem());
    }

    @Test
    void a_key_that_does_not_match_the_schema_is_refused() {
        DynamoDbException wrongType = assertThrows(DynamoDbException.class, () -> client().getItem(b -> b.tableName(table)
                .key(Map.of("pk", n("1"), "sk", s("1")))));
        assertEquals("The provided key element does not match the schema", wrongType.awsErrorDetails().errorMessage());
        DynamoDbException missing = assertThrows(DynamoDbException.class, () -> client().getItem(b -> b.tableName(table)
                .key(Map.of("pk", s("1")))));
        assertEquals("The provided key element does not match the schema", missing.awsErrorDetails().errorMessage());
        DynamoDbException missingInItem = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(Map.of("pk", s("1")))));
        assertEquals("One or more parameter values were invalid: Missing the key sk in the item",
                missingInItem.awsErrorDetails().errorMessage());
        DynamoDbException empty = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(Map.of("pk", s(""), "sk", s("1")))));
        assertEquals(
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk",
                empty.awsErrorDetails().errorMessage());
    }

    @Test
    void empty_sets_duplicate_set_elements_and_key_type_mismatches_are_refused() {
        DynamoDbException emptySet = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(item("pk", "set", "sk", "1", "tags", AttributeValue.fromSs(java.util.List.of())))));
        assertEquals("One or more parameter values were invalid: An string set  may not be empty",
                emptySet.awsErrorDetails().errorMessage());
        DynamoDbException duplicates = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(item("pk", "set", "sk", "1", "nums", AttributeValue.fromNs(java.util.List.of("1", "1.0"))))));
        assertTrue(duplicates.awsErrorDetails().errorMessage().endsWith("contains duplicates."), duplicates.getMessage());
        DynamoDbException keyType = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(item("pk", "set", "sk", 1))));
        assertEquals("One or more parameter values were invalid: Type mismatch for key sk expected: S actual: N",
                keyType.awsErrorDetails().errorMessage());
    }

    @Test
    void unused_or_undefined_expression_names_and_values_are_refused() {
        DynamoDbException unusedValue = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(key("u", "1")).conditionExpression("attribute_not_exists(pk)")
                .expressionAttributeValues(Map.of(":unused", s("x")))));
        assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                unusedValue.awsErrorDetails().errorMessage());
        DynamoDbException unusedName = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(key("u", "1")).conditionExpression("attribute_not_exists(pk)")
                .expressionAttributeNames(Map.of("#n", "x"))));
        assertEquals("Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}",
                unusedName.awsErrorDetails().errorMessage());
        DynamoDbException undefined = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(key("u", "1")).conditionExpression("#missing = :v").expressionAttributeValues(Map.of(":v", s("x")))));
        assertEquals(
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing",
                undefined.awsErrorDetails().errorMessage());
        DynamoDbException undefinedValue = assertThrows(DynamoDbException.class, () -> client().updateItem(b -> b.tableName(table)
                .key(key("u", "1")).updateExpression("SET a = :nope")));
        assertEquals("Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
                undefinedValue.awsErrorDetails().errorMessage());
    }

    @Test
    void a_syntax_error_names_the_token() {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(key("syn", "1")).conditionExpression("a = = :v").expressionAttributeValues(Map.of(":v", s("x")))));
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"", e.awsErrorDetails().errorMessage());
    }

    @Test
    void an_unknown_table_is_resource_not_found() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> client().getItem(b -> b.tableName("no-such-table").key(key("a", "b"))));
        assertEquals("Requested resource not found", e.awsErrorDetails().errorMessage());
    }

    @Test
    void an_item_over_400_kb_is_refused_and_one_just_under_is_stored() {
        String big = "x".repeat(400 * 1024 - 100);
        client().putItem(b -> b.tableName(table).item(item("pk", "big", "sk", "1", "d", big)));
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client().putItem(b -> b.tableName(table)
                .item(item("pk", "big", "sk", "2", "d", big + "y".repeat(200)))));
        assertEquals("Item size has exceeded the maximum allowed size", e.awsErrorDetails().errorMessage());
        assertNull(client().getItem(b -> b.tableName(table).key(key("big", "2"))).item().get("d"));
    }
}
