package com.insurepay.checkout.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.PaymentItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private static final String REFUND_SK_PREFIX = "REFUND#";
    private static final String RESERVED_ATTR = "refund_reserved";
    /** Request keys the service made up for requests without an Idempotency-Key. */
    public static final String GENERATED_KEY_PREFIX = "gen-";

    @Inject
    DynamoDbClient client;

    @Inject
    Clock clock;

    @ConfigProperty(name = "payments.table", defaultValue = DEFAULT_NAME)
    String table;

    /** One refund request. {@code refundId}/{@code stripeStatus} are set once Stripe answered. */
    public record RefundRecord(String paymentId, String requestKey, long amount, String reason, String state,
            String refundId, String stripeStatus, Instant createdAt) {
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
        return new Balance(PaymentStatus.parse(Attr.str(item, "payment_status")), Attr.num(item, "amount", 0),
                Attr.num(item, "refunded_amount", 0), Attr.num(item, RESERVED_ATTR, 0));
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
    public Reservation reserve(String paymentId, String requestKey, long amount, String reason, Balance read) {
        RefundRecord record = new RefundRecord(paymentId, requestKey, amount, reason, RESERVED, null, null, clock.instant());
        Put putRecord = Put.builder().tableName(table).item(toItem(record))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)).build();
        Update hold = Update.builder().tableName(table).key(PaymentItems.key(paymentId))
                .updateExpression("SET #r = :newr")
                .conditionExpression("#st IN (:c, :pr) AND #ra = :ra AND "
                        + (read.reserved() == 0 ? "(attribute_not_exists(#r) OR #r = :oldr)" : "#r = :oldr"))
                .expressionAttributeNames(Map.of("#r", RESERVED_ATTR, "#st", "payment_status", "#ra", "refunded_amount"))
                .expressionAttributeValues(Map.of(":newr", Attr.n(read.reserved() + amount), ":oldr", Attr.n(read.reserved()),
                        ":ra", Attr.n(read.refunded()), ":c", Attr.s(PaymentStatus.COMPLETED.wireName()),
                        ":pr", Attr.s(PaymentStatus.PARTIALLY_REFUNDED.wireName())))
                .build();
        try {
            client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(putRecord).build(),
                    TransactWriteItem.builder().update(hold).build()));
            return new Reserved(record);
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return find(paymentId, requestKey).<Reservation>map(AlreadyRequested::new).orElseGet(BalanceChanged::new);
            }
            return new BalanceChanged();
        }
    }

    /** Stripe made the refund: remember its answer and let go of the held amount (now in refunded_amount). */
    public RefundRecord complete(RefundRecord record, String refundId, String stripeStatus) {
        RefundRecord done = new RefundRecord(record.paymentId(), record.requestKey(), record.amount(), record.reason(),
                SUCCEEDED, refundId, stripeStatus, record.createdAt());
        Put putRecord = Put.builder().tableName(table).item(toItem(done))
                .conditionExpression("#state = :reserved")
                .expressionAttributeNames(Map.of("#state", "refund_state"))
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
                .expressionAttributeNames(Map.of("#state", "refund_state"))
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
                        ":gen", Attr.s(REFUND_SK_PREFIX + GENERATED_KEY_PREFIX)))).items()) {
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
                .expressionAttributeNames(Map.of("#r", RESERVED_ATTR))
                .expressionAttributeValues(Map.of(":amt", Attr.n(record.amount()))).build();
    }

    private static Map<String, AttributeValue> key(String paymentId, String requestKey) {
        return Map.of(PK, Attr.s(PAYMENT_PK_PREFIX + paymentId), SK, Attr.s(REFUND_SK_PREFIX + requestKey));
    }

    private static Map<String, AttributeValue> toItem(RefundRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.paymentId(), r.requestKey()));
        item.put(ENTITY, Attr.s("refund_request"));
        item.put("refund_payment_id", Attr.s(r.paymentId()));
        item.put("request_key", Attr.s(r.requestKey()));
        item.put("refund_amount", Attr.n(r.amount()));
        Attr.putIfPresent(item, "reason", r.reason());
        item.put("refund_state", Attr.s(r.state()));
        Attr.putIfPresent(item, "refund_id", r.refundId());
        Attr.putIfPresent(item, "stripe_status", r.stripeStatus());
        item.put("requested_at", Attr.time(r.createdAt()));
        return item;
    }

    private static RefundRecord fromItem(Map<String, AttributeValue> item) {
        return new RefundRecord(Attr.str(item, "refund_payment_id"), Attr.str(item, "request_key"),
                Attr.num(item, "refund_amount", 0), Attr.str(item, "reason"), Attr.str(item, "refund_state"),
                Attr.str(item, "refund_id"), Attr.str(item, "stripe_status"), Attr.instant(item, "requested_at"));
    }
}
