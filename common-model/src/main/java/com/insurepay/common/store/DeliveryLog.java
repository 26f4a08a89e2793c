package com.insurepay.common.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.table.PaymentTable.DeliveryRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The delivery log: one {@code EVT#<event id>} item per Stripe event, written in batches off the request path
 * (webhook-service buffers them) and removed by TTL. Later deliveries of the same event overwrite it with the same
 * facts, so the log needs no condition.
 */
public class DeliveryLog {

    /** BatchWriteItem's own limit. */
    public static final int MAX_BATCH = 25;
    private static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient client;
    private final String table;

    public DeliveryLog(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /**
     * Writes up to {@value #MAX_BATCH} records in one request, retrying what DynamoDB leaves unprocessed. Records of
     * the same event (concurrent deliveries of an event no payment de-duplicates, e.g. one for an unknown payment)
     * are written once, the first of them: BatchWriteItem refuses a whole batch that names one key twice.
     */
    public void write(List<DeliveryRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (records.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " records per batch, got " + records.size());
        }
        Map<String, DeliveryRecord> byEvent = new LinkedHashMap<>();
        records.forEach(r -> byEvent.putIfAbsent(r.eventId(), r));
        List<WriteRequest> requests = new ArrayList<>();
        for (DeliveryRecord r : byEvent.values()) {
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(toItem(r)).build()).build());
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB kept throttling the delivery log");
            }
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(Math.min(200, 10L << attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public Optional<DeliveryRecord> find(String eventId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key(eventId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromItem(item));
    }

    /**
     * The deliveries received on one UTC day, newest first ({@value com.insurepay.common.table.PaymentTable#DELIVERIES_INDEX},
     * which projects every attribute: one Query, no second read). Records written before the index existed carry no
     * {@code delivery_day} and are not listed.
     */
    public Page<DeliveryRecord> receivedOn(LocalDate day, int limit, String cursor) {
        Expr e = new Expr();
        QueryResponse response = client.query(QueryRequest.builder().tableName(table).indexName(DELIVERIES_INDEX)
                .keyConditionExpression(e.name(DELIVERY_DAY) + " = " + e.value(day.toString()))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .scanIndexForward(false).limit(Math.max(1, Math.min(limit, PaymentQueries.MAX_PAGE_SIZE)))
                .exclusiveStartKey(CursorCodec.decode(cursor)).build());
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? CursorCodec.encode(response.lastEvaluatedKey()) : null;
        return new Page<>(response.items().stream().map(DeliveryLog::fromItem).toList(), next);
    }

    static DeliveryRecord fromItem(Map<String, AttributeValue> item) {
        return new DeliveryRecord(Attr.str(item, DeliveryRecords.EVENT_ID), Attr.str(item, DeliveryRecords.TYPE),
                Attr.str(item, DeliveryRecords.STRIPE_OBJECT_ID), Attr.str(item, DeliveryRecords.PAYMENT_ID),
                Attr.str(item, DeliveryRecords.OUTCOME), Attr.instant(item, DeliveryRecords.RECEIVED_AT),
                Instant.ofEpochSecond(Attr.num(item, TTL_ATTRIBUTE, 0)));
    }

    static Map<String, AttributeValue> key(String eventId) {
        return Map.of(PK, Attr.s(EVENT_PK_PREFIX + eventId), SK, Attr.s(EVENT_SK));
    }

    static Map<String, AttributeValue> toItem(DeliveryRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.eventId()));
        item.put(ENTITY, Attr.s(DeliveryRecords.ENTITY_VALUE));
        item.put(DeliveryRecords.EVENT_ID, Attr.s(r.eventId()));
        Attr.putIfPresent(item, DeliveryRecords.TYPE, r.type());
        Attr.putIfPresent(item, DeliveryRecords.STRIPE_OBJECT_ID, r.stripeObjectId());
        Attr.putIfPresent(item, DeliveryRecords.PAYMENT_ID, r.paymentId());
        Attr.putIfPresent(item, DeliveryRecords.OUTCOME, r.outcome());
        Attr.putIfPresent(item, DeliveryRecords.RECEIVED_AT, r.receivedAt());
        if (r.receivedAt() != null) {
            // The operators' list of recent deliveries (deliveries-index); the record is written once, so is this.
            item.put(DELIVERY_DAY, Attr.s(utcDay(r.receivedAt()).toString()));
        }
        item.put(TTL_ATTRIBUTE, Attr.n(r.expiresAt().getEpochSecond()));
        return item;
    }
}
