package com.insurepay.checkout.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.checkout.service.CallTrace;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.Expr;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.table.PaymentTable.Payments;
import com.insurepay.common.table.PaymentTable.RefundRequests;
import com.insurepay.common.table.TableName;
import java.util.Arrays;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Refund requests and the amount they hold. Before Stripe is called, a refund RESERVES its amount on the payment
 * ({@code refund_reserved}) in one transaction with its request record ({@code PAY#<id> / REFUND#<key>}): the
 * update is a compare-and-set on {@code refunded_amount} and {@code refund_reserved}, checked against the amount in
 * Java, so two racing refunds can never together exceed what remains. The reservation is released when the refund
 * is recorded (or fails). The request record makes a retried request (same Idempotency-Key) return the first result.
 */
@ApplicationScoped
public class RefundLedger {

    public static final String RESERVED = "reserved";
    public static final String SUCCEEDED = "succeeded";
    /** Request keys the service made up for requests without an Idempotency-Key. */
    public static final String GENERATED_KEY_PREFIX = "gen-";

    private final DynamoDbClient client;
    private final Clock clock;
    private final String table;

    public RefundLedger(DynamoDbClient client, Clock clock, TableName table) {
        this.client = client;
        this.clock = clock;
        this.table = table.value();
    }

    /**
     * One refund request. {@code refundId}/{@code stripeStatus} are set once Stripe answered; {@code actor} asked for
     * it (an MCP token, or {@code reconciliation} for the automatic refund of late money).
     */
    public record RefundRecord(String paymentId, String requestKey, long amount, String reason, String state,
            String refundId, String stripeStatus, Instant createdAt, String actor, String requestId, String conversationId) {
    }

    /** The payment's money as the ledger sees it. */
    public record Balance(PaymentStatus status, long amount, long refunded, long reserved) {
        public long remaining() {
            return Math.max(0, amount - refunded - reserved);
        }
    }

    public sealed interface Reservation permits Reserved, AlreadyRequested, BalanceChanged {
    }

    public record Reserved(RefundRecord record) implements Reservation {
    }

    public record AlreadyRequested(RefundRecord record) implements Reservation {
    }

    /** The payment changed since {@code balance} was read: read again and re-check. */
    public record BalanceChanged() implements Reservation {
    }

    public Balance balance(String paymentId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(PaymentItems.key(paymentId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return null;
        }
        return new Balance(PaymentStatus.parse(Attr.str(item, Payments.STATUS)), Attr.num(item, Payments.AMOUNT, 0),
                Attr.num(item, Payments.REFUNDED_AMOUNT, 0), Attr.num(item, Payments.REFUND_RESERVED, 0));
    }

    public Optional<RefundRecord> find(String paymentId, String requestKey) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key(paymentId, requestKey))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * Reserves {@code amount} if the payment is still refundable with exactly the balance read. The caller has
     * checked {@code amount <= balance.remaining()}.
     */
    public Reservation reserve(String paymentId, String requestKey, long amount, String reason, Balance read, String actor,
            CallTrace.Ids trace) {
        RefundRecord record = new RefundRecord(paymentId, requestKey, amount, reason, RESERVED, null, null, clock.instant(), actor,
                trace.requestId(), trace.conversationId());
        Put putRecord = Put.builder().tableName(table).item(toItem(record))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)).build();
        Expr e = new Expr();
        String reserved = e.name(Payments.REFUND_RESERVED);
        String refundable = Arrays.stream(PaymentStatus.values()).filter(PaymentStatus::isRefundable)
                .map(s -> e.value(s.wireName())).collect(Collectors.joining(", "));
        Update hold = Update.builder().tableName(table).key(PaymentItems.key(paymentId))
                .updateExpression("SET " + reserved + " = " + e.value(read.reserved() + amount))
                .conditionExpression(e.name(Payments.STATUS) + " IN (" + refundable + ") AND " + e.name(Payments.REFUNDED_AMOUNT)
                        + " = " + e.value(read.refunded()) + " AND " + (read.reserved() == 0
                                ? "(attribute_not_exists(" + reserved + ") OR " + reserved + " = " + e.value(0) + ")"
                                : reserved + " = " + e.value(read.reserved())))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .build();
        try {
            client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(putRecord).build(),
                    TransactWriteItem.builder().update(hold).build()));
            return new Reserved(record);
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return find(paymentId, requestKey).<Reservation>map(AlreadyRequested::new).orElseGet(BalanceChanged::new);
            }
            return new BalanceChanged();
        }
    }

    /** Stripe made the refund: remember its answer and let go of the held amount (now in refunded_amount). */
    public RefundRecord complete(RefundRecord record, String refundId, String stripeStatus) {
        RefundRecord done = new RefundRecord(record.paymentId(), record.requestKey(), record.amount(), record.reason(),
                SUCCEEDED, refundId, stripeStatus, record.createdAt(), record.actor(), record.requestId(), record.conversationId());
        Put putRecord = Put.builder().tableName(table).item(toItem(done))
                .conditionExpression("#state = :reserved")
                .expressionAttributeNames(Map.of("#state", RefundRequests.STATE))
                .expressionAttributeValues(Map.of(":reserved", Attr.s(RESERVED))).build();
        try {
            client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(putRecord).build(),
                    TransactWriteItem.builder().update(release(record)).build()));
        } catch (TransactionCanceledException alreadyCompleted) {
            // A retry of the same request completed it first: the hold was released then.
        }
        return done;
    }

    /** Stripe refused or could not be reached: forget the request and give the amount back. */
    public void cancel(RefundRecord record) {
        Delete deleteRecord = Delete.builder().tableName(table).key(key(record.paymentId(), record.requestKey()))
                .conditionExpression("#state = :reserved")
                .expressionAttributeNames(Map.of("#state", RefundRequests.STATE))
                .expressionAttributeValues(Map.of(":reserved", Attr.s(RESERVED))).build();
        try {
            client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().delete(deleteRecord).build(),
                    TransactWriteItem.builder().update(release(record)).build()));
        } catch (TransactionCanceledException alreadyDone) {
            // Completed or cancelled by a retry of the same request.
        }
    }

    /**
     * Gives back the holds of requests sent without an Idempotency-Key that never got an answer (the service died
     * between reserving and hearing from Stripe): no retry can name them, so nobody would ever resume them. Safe to
     * release, because Stripe itself refuses a refund above what remains on the charge, and a refund Stripe did
     * make still reaches {@code refunded_amount} through {@code charge.refunded}.
     *
     * @return how many holds were released
     */
    public int releaseAbandoned(String paymentId, Instant requestedBefore) {
        int released = 0;
        for (Map<String, AttributeValue> item : client.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :gen)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(PAYMENT_PK_PREFIX + paymentId),
                        ":gen", Attr.s(REFUND_SK_PREFIX + GENERATED_KEY_PREFIX))))
                .items()) {
            RefundRecord r = fromItem(item);
            if (RESERVED.equals(r.state()) && r.createdAt().isBefore(requestedBefore)) {
                cancel(r);
                released++;
            }
        }
        return released;
    }

    private Update release(RefundRecord record) {
        return Update.builder().tableName(table).key(PaymentItems.key(record.paymentId()))
                .updateExpression("SET #r = #r - :amt")
                .expressionAttributeNames(Map.of("#r", Payments.REFUND_RESERVED))
                .expressionAttributeValues(Map.of(":amt", Attr.n(record.amount()))).build();
    }

    private static Map<String, AttributeValue> key(String paymentId, String requestKey) {
        return Map.of(PK, Attr.s(PAYMENT_PK_PREFIX + paymentId), SK, Attr.s(REFUND_SK_PREFIX + requestKey));
    }

    private static Map<String, AttributeValue> toItem(RefundRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.paymentId(), r.requestKey()));
        item.put(ENTITY, Attr.s(RefundRequests.ENTITY_VALUE));
        item.put(RefundRequests.PAYMENT_ID, Attr.s(r.paymentId()));
        item.put(RefundRequests.REQUEST_KEY, Attr.s(r.requestKey()));
        item.put(RefundRequests.AMOUNT, Attr.n(r.amount()));
        Attr.putIfPresent(item, RefundRequests.REASON, r.reason());
        item.put(RefundRequests.STATE, Attr.s(r.state()));
        Attr.putIfPresent(item, RefundRequests.REFUND_ID, r.refundId());
        Attr.putIfPresent(item, RefundRequests.STRIPE_STATUS, r.stripeStatus());
        item.put(RefundRequests.REQUESTED_AT, Attr.time(r.createdAt()));
        Attr.putIfPresent(item, RefundRequests.ACTOR, r.actor());
        Attr.putIfPresent(item, RefundRequests.REQUEST_ID, r.requestId());
        Attr.putIfPresent(item, RefundRequests.CONVERSATION_ID, r.conversationId());
        return item;
    }

    private static RefundRecord fromItem(Map<String, AttributeValue> item) {
        return new RefundRecord(Attr.str(item, RefundRequests.PAYMENT_ID), Attr.str(item, RefundRequests.REQUEST_KEY),
                Attr.num(item, RefundRequests.AMOUNT, 0), Attr.str(item, RefundRequests.REASON),
                Attr.str(item, RefundRequests.STATE), Attr.str(item, RefundRequests.REFUND_ID),
                Attr.str(item, RefundRequests.STRIPE_STATUS), Attr.instant(item, RefundRequests.REQUESTED_AT),
                Attr.str(item, RefundRequests.ACTOR), Attr.str(item, RefundRequests.REQUEST_ID),
                Attr.str(item, RefundRequests.CONVERSATION_ID));
    }
}
