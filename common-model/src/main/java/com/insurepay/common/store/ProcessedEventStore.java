package com.insurepay.common.store;

import static com.insurepay.common.table.PaymentTable.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * De-duplication of Stripe events by id: a conditional put that succeeds once per event id. The same item can
 * also be written inside a payment transition's transaction ({@link #putInTransaction}), so that the mark and the
 * payment change commit together or not at all.
 */
public class ProcessedEventStore {

    private final DynamoDbClient client;
    private final String table;

    public ProcessedEventStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** @return true if this call recorded the event, false if it had been recorded before */
    public boolean markProcessed(ProcessedEvent event) {
        try {
            client.putItem(b -> b.tableName(table).item(toItem(event))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    public Optional<ProcessedEvent> find(String eventId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key(eventId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessedEvent(Attr.str(item, "event_id"), Attr.str(item, "type"),
                Attr.str(item, "stripe_object_id"), Attr.str(item, "payment_intent_id"), Attr.str(item, "outcome"),
                Attr.instant(item, "received_at"), java.time.Instant.ofEpochSecond(Attr.num(item, TTL_ATTRIBUTE, 0))));
    }

    /** The conditional put of the mark, to be part of a TransactWriteItems. */
    public Put putInTransaction(ProcessedEvent event) {
        return Put.builder().tableName(table).item(toItem(event))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK)).build();
    }

    static Map<String, AttributeValue> key(String eventId) {
        return Map.of(PK, Attr.s(EVENT_PK_PREFIX + eventId), SK, Attr.s(EVENT_SK));
    }

    static Map<String, AttributeValue> toItem(ProcessedEvent e) {
        Map<String, AttributeValue> item = new HashMap<>(key(e.eventId()));
        item.put(ENTITY, Attr.s("stripe_event"));
        item.put("event_id", Attr.s(e.eventId()));
        Attr.putIfPresent(item, "type", e.type());
        Attr.putIfPresent(item, "stripe_object_id", e.stripeObjectId());
        Attr.putIfPresent(item, "payment_intent_id", e.paymentId());
        Attr.putIfPresent(item, "outcome", e.outcome());
        Attr.putIfPresent(item, "received_at", e.receivedAt());
        item.put(TTL_ATTRIBUTE, Attr.n(e.expiresAt().getEpochSecond()));
        return item;
    }
}
