package com.insurepay.common.stream;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.store.Attr;
import com.insurepay.common.store.Expr;
import com.insurepay.common.table.PaymentTable.StreamLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the table's DynamoDB stream for one named consumer, shard by shard, parents before children (as DynamoDB
 * splits shards), and hands each change to a {@link StreamRecordHandler} in order. Several replicas may run the same
 * consumer: each shard is leased to one of them at a time ({@code STREAM#<consumer>} / {@code <shard id>}), and the
 * lease item holds the checkpoint, written only by its holder. Delivery is at least once (a crash replays from the
 * checkpoint), so handlers are idempotent. Why a stream: work that follows a payment change (issuing a policy,
 * counting it) then costs the webhook's write path nothing.
 */
public class TableStreamReader {

    private static final Logger LOG = Logger.getLogger(TableStreamReader.class);
    private static final int RECORDS_PER_CALL = 100;
    private static final int CALLS_PER_SHARD_AND_POLL = 10;

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final String consumer;
    private final Clock clock;
    private final Duration leaseDuration;
    private final String holder = UUID.randomUUID().toString();
    private final Map<String, String> iterators = new ConcurrentHashMap<>();
    private volatile String streamArn;
    private volatile Instant lastRecordAt;

    public TableStreamReader(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table, String consumer, Clock clock,
            Duration leaseDuration) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.table = table;
        this.consumer = consumer;
        this.clock = clock;
        this.leaseDuration = leaseDuration;
    }

    /** When the newest record handled was written to the table (null before the first): the consumer's lag. */
    public Instant lastRecordAt() {
        return lastRecordAt;
    }

    /** Handles what is new on every shard this replica holds or can take. @return records handled */
    public synchronized int poll(StreamRecordHandler handler) {
        StreamDescription stream = describe();
        List<Shard> shards = stream.shards();
        Set<String> present = new HashSet<>();
        shards.forEach(s -> present.add(s.shardId()));
        Map<String, Map<String, AttributeValue>> leases = new HashMap<>();
        for (Shard shard : shards) {
            leases.put(shard.shardId(), lease(shard.shardId()));
        }
        int handled = 0;
        for (Shard shard : shards) {
            Map<String, AttributeValue> lease = leases.get(shard.shardId());
            if (Attr.bool(lease, StreamLeases.FINISHED)) {
                continue;
            }
            String parent = shard.parentShardId();
            if (parent != null && present.contains(parent) && !Attr.bool(leases.get(parent), StreamLeases.FINISHED)) {
                continue; // its parent's records come first
            }
            if (!take(shard.shardId(), lease)) {
                continue; // another replica reads it
            }
            handled += read(shard, Attr.str(lease, StreamLeases.CHECKPOINT), handler);
        }
        return handled;
    }

    private int read(Shard shard, String checkpoint, StreamRecordHandler handler) {
        String shardId = shard.shardId();
        String iterator = iterators.remove(shardId);
        if (iterator == null) {
            iterator = iteratorFrom(shardId, checkpoint);
        }
        int handled = 0;
        String lastHandled = checkpoint;
        boolean reachedEnd = false;
        try {
            for (int call = 0; call < CALLS_PER_SHARD_AND_POLL && iterator != null; call++) {
                GetRecordsResponse page;
                try {
                    String from = iterator;
                    page = streams.getRecords(b -> b.shardIterator(from).limit(RECORDS_PER_CALL));
                } catch (ExpiredIteratorException expired) {
                    iterator = iteratorFrom(shardId, lastHandled);
                    continue;
                }
                boolean stopped = false;
                for (Record r : page.records()) {
                    if (handler.handle(r) == StreamRecordHandler.Decision.NOT_YET) {
                        stopped = true;
                        break;
                    }
                    lastHandled = r.dynamodb().sequenceNumber();
                    lastRecordAt = r.dynamodb().approximateCreationDateTime();
                    handled++;
                }
                if (stopped) {
                    iterator = null; // restart after the last handled record next time
                    break;
                }
                iterator = page.nextShardIterator();
                reachedEnd = iterator == null; // a closed shard, read to its end
                if (page.records().isEmpty()) {
                    break; // caught up
                }
            }
        } finally {
            if (lastHandled != null && !lastHandled.equals(checkpoint)) {
                checkpoint(shardId, lastHandled, false);
            }
        }
        if (reachedEnd) {
            checkpoint(shardId, lastHandled, true);
        } else if (iterator != null) {
            iterators.put(shardId, iterator);
        }
        return handled;
    }


    private String iteratorFrom(String shardId, String checkpoint) {
        String arn = streamArn;
        try {
            return checkpoint == null
                    ? streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()
                    : streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint)).shardIterator();
        } catch (TrimmedDataAccessException trimmed) {
            // The consumer was away longer than the stream keeps records (24 h): carry on from the oldest kept.
            LOG.warnf("stream consumer %s: records of shard %s after %s were trimmed before being read", consumer, shardId, checkpoint);
            return streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
        }
    }

    private StreamDescription describe() {
        if (streamArn == null) {
            streamArn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
            if (streamArn == null) {
                throw new IllegalStateException("table " + table + " has no stream");
            }
        }
        List<Shard> shards = new ArrayList<>();
        String start = null;
        StreamDescription description;
        do {
            String from = start;
            description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        return description.toBuilder().shards(shards).build();
    }

    private Map<String, AttributeValue> key(String shardId) {
        return Map.of(PK, Attr.s(STREAM_LEASE_PK_PREFIX + consumer), SK, Attr.s(shardId));
    }

    private Map<String, AttributeValue> lease(String shardId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(shardId)).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    /** Takes (or keeps) the shard's lease; false when another replica holds a live one. */
    private boolean take(String shardId, Map<String, AttributeValue> lease) {
        Instant now = clock.instant();
        Expr e = new Expr();
        String h = e.name(StreamLeases.HOLDER);
        String until = e.name(StreamLeases.LEASE_UNTIL);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(shardId))
                    .updateExpression("SET " + h + " = " + e.value(holder) + ", " + until + " = "
                            + e.value(now.plus(leaseDuration).toEpochMilli()) + ", " + e.name(ENTITY) + " = "
                            + e.value(StreamLeases.ENTITY_VALUE))
                    .conditionExpression("attribute_not_exists(" + h + ") OR " + h + " = " + e.value(holder) + " OR " + until + " < "
                            + e.value(now.toEpochMilli()))
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
            return true;
        } catch (ConditionalCheckFailedException held) {
            iterators.remove(shardId);
            return false;
        }
    }

    private void checkpoint(String shardId, String sequenceNumber, boolean finished) {
        Expr e = new Expr();
        List<String> set = new ArrayList<>();
        if (sequenceNumber != null) {
            set.add(e.name(StreamLeases.CHECKPOINT) + " = " + e.value(sequenceNumber));
        }
        if (finished) {
            set.add(e.name(StreamLeases.FINISHED) + " = " + e.value(Attr.bool(true)));
        }
        if (set.isEmpty()) {
            return;
        }
        String update = "SET " + String.join(", ", set);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(shardId)).updateExpression(update)
                    .conditionExpression(e.name(StreamLeases.HOLDER) + " = " + e.value(holder))
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException lost) {
            // Our lease lapsed and another replica took the shard: it resumes from the last checkpoint it sees.
            iterators.remove(shardId);
            LOG.debugf("stream consumer %s lost shard %s before its checkpoint", consumer, shardId);
        }
    }
}
