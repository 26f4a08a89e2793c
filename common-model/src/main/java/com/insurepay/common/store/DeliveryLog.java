package com.insurepay.common.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.table.PaymentTable.DeliveryRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
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

    /** Writes up to {@value #MAX_BATCH} records in one request, retrying what DynamoDB leaves unprocessed. */
    public void write(List<DeliveryRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (records.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " records per batch, got " + records.size());
        }
        List<WriteRequest> requests = new ArrayList<>();
        for (DeliveryRecord r : records) {
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
        return Optional.of(new DeliveryRecord(Attr.str(item, DeliveryRecords.EVENT_ID), Attr.str(item, DeliveryRecords.TYPE),
                Attr.str(item, DeliveryRecords.STRIPE_OBJECT_ID), Attr.str(item, DeliveryRecords.PAYMENT_ID),
                Attr.str(item, DeliveryRecords.OUTCOME), Attr.instant(item, DeliveryRecords.RECEIVED_AT),
                Instant.ofEpochSecond(Attr.num(item, TTL_ATTRIBUTE, 0))));
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
        item.put(TTL_ATTRIBUTE, Attr.n(r.expiresAt().getEpochSecond()));
        return item;
    }
}
