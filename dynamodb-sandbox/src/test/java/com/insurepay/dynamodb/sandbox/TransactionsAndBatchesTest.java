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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** TransactWriteItems, TransactGetItems, BatchWriteItem, BatchGetItem. */
class TransactionsAndBatchesTest {

    static String table;
    static String other;

    @BeforeAll
    static void tables() {
        table = Sandboxes.createTable("tx", false);
        other = Sandboxes.createTable("tx-other", false);
    }

    private static TransactWriteItem put(String t, Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(p -> p.tableName(t).item(item).conditionExpression(condition)).build();
    }

    private static Map<String, AttributeValue> get(String t, String pk) {
        Map<String, AttributeValue> i = client().getItem(b -> b.tableName(t).key(Map.of("pk", s(pk))).consistentRead(true)).item();
        return i == null || i.isEmpty() ? null : i;
    }

    @Test
    void a_transaction_over_two_tables_applies_every_action() {
        String id = UUID.randomUUID().toString();
        client().putItem(b -> b.tableName(table).item(item("pk", id + "-counter", "n", 1)));
        client().putItem(b -> b.tableName(table).item(item("pk", id + "-gone")));
        client().transactWriteItems(b -> b.transactItems(
                put(table, item("pk", id + "-new"), "attribute_not_exists(pk)"),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("pk", s(id + "-counter")))
                        .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of("pk", s(id + "-gone")))).build(),
                put(other, item("pk", id), null)));
        assertTrue(get(table, id + "-new") != null);
        assertEquals("2", get(table, id + "-counter").get("n").n());
        assertNull(get(table, id + "-gone"));
        assertTrue(get(other, id) != null);
    }

    @Test
    void a_failed_condition_cancels_everything_with_one_reason_per_action_in_order() {
        String id = UUID.randomUUID().toString();
        client().putItem(b -> b.tableName(table).item(item("pk", id + "-taken", "v", "old")));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> client().transactWriteItems(b -> b.transactItems(
                        put(table, item("pk", id + "-a"), "attribute_not_exists(pk)"),
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(Map.of("pk", s(id + "-taken")))
                                .conditionExpression("attribute_not_exists(pk)")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                        put(table, item("pk", id + "-b"), null))));
        List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
        assertEquals(List.of("None", "ConditionalCheckFailed", "None"), codes);
        assertEquals("The conditional request failed", e.cancellationReasons().get(1).message());
        assertEquals("old", e.cancellationReasons().get(1).item().get("v").s(), "ALL_OLD returns the item with the reason");
        assertTrue(e.getMessage().startsWith("Transaction cancelled, please refer cancellation reasons for specific reasons"
                + " [None, ConditionalCheckFailed, None]"), e.getMessage());
        assertNull(get(table, id + "-a"), "nothing of a cancelled transaction is applied");
        assertNull(get(table, id + "-b"));
    }

    @Test
    void an_update_that_cannot_apply_cancels_with_a_validation_error() {
        String id = UUID.randomUUID().toString();
        client().putItem(b -> b.tableName(table).item(item("pk", id, "s", "text")));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> client().transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("pk", s(id)))
                                .updateExpression("SET s = s + :one").expressionAttributeValues(Map.of(":one", n("1")))).build())));
        assertEquals("ValidationError", e.cancellationReasons().get(0).code());
        assertEquals("An operand in the update expression has an incorrect data type", e.cancellationReasons().get(0).message());
    }

    @Test
    void a_client_request_token_makes_a_repeat_a_no_op_for_ten_minutes() {
        String id = UUID.randomUUID().toString();
        String token = UUID.randomUUID().toString();
        client().putItem(b -> b.tableName(table).item(item("pk", id, "n", 0)));
        TransactWriteItem add = TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("pk", s(id)))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1")))).build();
        client().transactWriteItems(b -> b.transactItems(add).clientRequestToken(token));
        client().transactWriteItems(b -> b.transactItems(add).clientRequestToken(token));
        assertEquals("1", get(table, id).get("n").n(), "the repeat was not applied again");
        IdempotentParameterMismatchException mismatch = assertThrows(IdempotentParameterMismatchException.class,
                () -> client().transactWriteItems(b -> b.transactItems(put(table, item("pk", id + "-x"), null)).clientRequestToken(token)));
        assertEquals(400, mismatch.statusCode());
    }

    @Test
    void two_actions_on_one_item_and_more_than_100_actions_are_refused() {
        String id = UUID.randomUUID().toString();
        DynamoDbException twice = assertThrows(DynamoDbException.class, () -> client().transactWriteItems(b -> b.transactItems(
                put(table, item("pk", id), null),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of("pk", s(id)))).build())));
        assertEquals("Transaction request cannot include multiple operations on one item", twice.awsErrorDetails().errorMessage());
        assertEquals("ValidationException", twice.awsErrorDetails().errorCode());
        List<TransactWriteItem> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(put(table, item("pk", id + "-" + i), null));
        }
        client().transactWriteItems(b -> b.transactItems(hundred));
        assertTrue(get(table, id + "-99") != null);
        hundred.add(put(table, item("pk", id + "-100"), null));
        DynamoDbException tooMany = assertThrows(DynamoDbException.class, () -> client().transactWriteItems(b -> b.transactItems(hundred)));
        assertTrue(tooMany.awsErrorDetails().errorMessage().contains("Member must have length less than or equal to 100"));
    }

    @Test
    void transact_get_reads_items_of_several_tables_in_order() {
        String id = UUID.randomUUID().toString();
        client().putItem(b -> b.tableName(table).item(item("pk", id, "v", "a", "w", "b")));
        var response = client().transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(table).key(Map.of("pk", s(id))).projectionExpression("v")).build(),
                TransactGetItem.builder().get(g -> g.tableName(other).key(Map.of("pk", s(id + "-none")))).build()));
        assertEquals(Map.of("v", s("a")), response.responses().get(0).item());
        assertFalse(response.responses().get(1).hasItem() && !response.responses().get(1).item().isEmpty());
    }

    @Test
    void batch_write_and_batch_get() {
        String id = UUID.randomUUID().toString();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", id + "-" + i, "i", i)).build()).build());
        }
        var written = client().batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        assertTrue(written.unprocessedItems().isEmpty());
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            keys.add(Map.of("pk", s(id + "-" + i)));
        }
        keys.add(Map.of("pk", s(id + "-missing")));
        BatchGetItemResponse read = client()
                .batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(keys).build())));
        assertEquals(25, read.responses().get(table).size());
        writes.add(writes.get(0));
        DynamoDbException tooMany = assertThrows(DynamoDbException.class,
                () -> client().batchWriteItem(b -> b.requestItems(Map.of(table, writes))));
        assertTrue(tooMany.awsErrorDetails().errorMessage().contains("duplicates")
                || tooMany.awsErrorDetails().errorMessage().contains("Too many items"), tooMany.getMessage());
        DynamoDbException duplicates = assertThrows(DynamoDbException.class, () -> client().batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(Map.of("pk", s("a")), Map.of("pk", s("a"))).build()))));
        assertEquals("Provided list of item keys contains duplicates", duplicates.awsErrorDetails().errorMessage());
    }
}
