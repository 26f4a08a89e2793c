package com.insurepay.common.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.ids.Timestamps;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Finding payments through the table's indexes. The payment indexes hold keys only (a status change writes no
 * index), so each query is followed by one BatchGetItem of the items it found; every method names its index.
 */
public class PaymentQueries {

    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_BATCH_ATTEMPTS = 8;
    private static final int MAX_SCOPED_ROUNDS = 10;

    private final DynamoDbClient client;
    private final String table;

    public PaymentQueries(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** A user's payments, newest first ({@value com.insurepay.common.table.PaymentTable#USER_INDEX}). */
    public Page<Payment> findByUser(String userId, int limit, String cursor) {
        return queryIndex(USER_INDEX, USER_ID, userId, limit, cursor);
    }

    /**
     * A tenant's user's payments, newest first, exactly {@code limit} per page when there are that many: the index
     * holds keys only, so other tenants' payments of the same user id are dropped after loading and the query goes
     * on from where it stopped (a bounded number of rounds; the cursor continues from the last key read).
     */
    public Page<Payment> findByUser(String tenant, String userId, int limit, String cursor) {
        int wanted = clamp(limit);
        List<Payment> found = new ArrayList<>();
        String next = cursor;
        for (int round = 0; round < MAX_SCOPED_ROUNDS; round++) {
            Page<Payment> page = findByUser(userId, wanted - found.size(), next);
            page.items().stream().filter(p -> tenant.equals(p.tenant())).forEach(found::add);
            next = page.nextCursor();
            if (next == null || found.size() >= wanted) {
                break;
            }
        }
        return new Page<>(found, next);
    }

    /**
     * A tenant's payments created on one UTC day, newest first, optionally only those in {@code status}
     * ({@value com.insurepay.common.table.PaymentTable#TENANT_DAY_INDEX}; the status is checked on the loaded items,
     * so the query goes on, a bounded number of rounds, until the page is full). Payments created before the index
     * existed carry no {@code tenant_day} and are not found this way.
     */
    public Page<Payment> findByTenantDay(String tenant, LocalDate day, PaymentStatus status, int limit, String cursor) {
        int wanted = clamp(limit);
        List<Payment> found = new ArrayList<>();
        String next = cursor;
        for (int round = 0; round < MAX_SCOPED_ROUNDS; round++) {
            // With a status filter read a full page each round: most of a day's payments may be in other statuses.
            int read = status == null ? wanted - found.size() : MAX_PAGE_SIZE;
            Page<Payment> page = queryIndex(TENANT_DAY_INDEX, TENANT_DAY, tenantDay(tenant, day), read, next);
            for (Payment p : page.items()) {
                if (status == null || p.status() == status) {
                    found.add(p);
                }
            }
            next = page.nextCursor();
            if (next == null || found.size() >= wanted) {
                break;
            }
        }
        if (found.size() > wanted) {
            // Only with a status filter: the rest of this round's matches come again from a cursor at the last one shown.
            Payment last = found.get(wanted - 1);
            found = new ArrayList<>(found.subList(0, wanted));
            next = CursorCodec.encode(Map.of(PK, AttributeValue.fromS(PAYMENT_PK_PREFIX + last.paymentId()),
                    SK, AttributeValue.fromS(PAYMENT_SK), TENANT_DAY, AttributeValue.fromS(tenantDay(tenant, day)),
                    CREATED_AT, AttributeValue.fromS(Timestamps.format(last.createdAt()))));
        }
        return new Page<>(found, next);
    }

    /** Whole payments by id, in the order asked, each once; unknown ids are left out (one BatchGetItem per 100). */
    public List<Payment> findAll(List<String> paymentIds) {
        List<String> distinct = paymentIds.stream().filter(Objects::nonNull).distinct().toList();
        List<Payment> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += MAX_PAGE_SIZE) {
            found.addAll(load(distinct.subList(from, Math.min(distinct.size(), from + MAX_PAGE_SIZE)).stream()
                    .map(PaymentItems::key).toList()));
        }
        return found;
    }

    /** A tenant's payments of a quote, newest first, at most {@code limit} read from the index. */
    public List<Payment> findByQuote(String tenant, String quoteId, int limit) {
        return findByQuote(quoteId, limit, null).items().stream().filter(p -> tenant.equals(p.tenant())).toList();
    }

    /** A quote's payments, newest first ({@value com.insurepay.common.table.PaymentTable#QUOTE_INDEX}). */
    public Page<Payment> findByQuote(String quoteId, int limit, String cursor) {
        return queryIndex(QUOTE_INDEX, QUOTE_ID, quoteId, limit, cursor);
    }

    /** Payments sold through one Payment Link, newest first ({@value com.insurepay.common.table.PaymentTable#PAYMENT_LINK_INDEX}). */
    public Page<Payment> findByPaymentLink(String paymentLinkId, int limit, String cursor) {
        return queryIndex(PAYMENT_LINK_INDEX, PAYMENT_LINK_ID, paymentLinkId, limit, cursor);
    }

    /** The payment whose stored Checkout Session this is ({@value com.insurepay.common.table.PaymentTable#SESSION_INDEX}). */
    public Optional<Payment> findByStripeSession(String sessionId) {
        return queryIndex(SESSION_INDEX, STRIPE_SESSION_ID, sessionId, 1, null).items().stream().findFirst();
    }

    /** The payment whose stored PaymentIntent this is ({@value com.insurepay.common.table.PaymentTable#PAYMENT_INTENT_INDEX}). */
    public Optional<Payment> findByStripePaymentIntent(String paymentIntentId) {
        return queryIndex(PAYMENT_INTENT_INDEX, STRIPE_PAYMENT_INTENT, paymentIntentId, 1, null).items().stream().findFirst();
    }

    /**
     * Open (pending or failed) payments whose {@code expires_at} is before {@code cutoff}, oldest expiry first: what
     * the reconciliation must ask Stripe about ({@value com.insurepay.common.table.PaymentTable#OPEN_PAYMENTS_INDEX}).
     */
    public Page<Payment> findOpenExpiringBefore(Instant cutoff, int limit, String cursor) {
        Expr e = new Expr();
        return page(QueryRequest.builder().tableName(table).indexName(OPEN_PAYMENTS_INDEX)
                .keyConditionExpression(e.name(OPEN_BUCKET) + " = " + e.value(OPEN) + " AND " + e.name(EXPIRES_AT) + " < "
                        + e.value(Attr.time(cutoff)))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .limit(clamp(limit)).exclusiveStartKey(CursorCodec.decode(cursor)).build());
    }

    /** Payments whose money came after we closed them, waiting for their refund (same index, its other bucket). */
    public Page<Payment> findPaidAfterClose(int limit, String cursor) {
        Expr e = new Expr();
        return page(QueryRequest.builder().tableName(table).indexName(OPEN_PAYMENTS_INDEX)
                .keyConditionExpression(e.name(OPEN_BUCKET) + " = " + e.value(PAID_AFTER_CLOSE_BUCKET))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .limit(clamp(limit)).exclusiveStartKey(CursorCodec.decode(cursor)).build());
    }

    /** Paid payments still marked as due for a policy (same index, its {@code POLICY_DUE} bucket). */
    public Page<Payment> findPolicyDue(int limit, String cursor) {
        Expr e = new Expr();
        return page(QueryRequest.builder().tableName(table).indexName(OPEN_PAYMENTS_INDEX)
                .keyConditionExpression(e.name(OPEN_BUCKET) + " = " + e.value(POLICY_DUE_BUCKET))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .limit(clamp(limit)).exclusiveStartKey(CursorCodec.decode(cursor)).build());
    }

    private Page<Payment> queryIndex(String index, String attribute, String value, int limit, String cursor) {
        Expr e = new Expr();
        return page(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(e.name(attribute) + " = " + e.value(value))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .scanIndexForward(false).limit(clamp(limit)).exclusiveStartKey(CursorCodec.decode(cursor)).build());
    }

    private Page<Payment> page(QueryRequest request) {
        QueryResponse response = client.query(request);
        List<Map<String, AttributeValue>> keys = response.items().stream()
                .map(i -> Map.of(PK, i.get(PK), SK, i.get(SK))).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? CursorCodec.encode(response.lastEvaluatedKey()) : null;
        return new Page<>(load(keys), next);
    }

    /**
     * The items behind index keys, in the index's order; an item deleted since the query is left out. Strongly
     * consistent, so a payment is never shown older than the index entry that found it.
     */
    List<Payment> load(List<Map<String, AttributeValue>> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, Payment> byPk = new HashMap<>();
        Map<String, KeysAndAttributes> pending = Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_BATCH_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB kept throttling a BatchGetItem of " + keys.size() + " payments");
            }
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(request));
            response.responses().getOrDefault(table, List.of())
                    .forEach(item -> byPk.put(item.get(PK).s(), PaymentItems.fromItem(item)));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!pending.isEmpty()) {
                backOff(attempt);
            }
        }
        List<Payment> ordered = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            Payment p = byPk.get(key.get(PK).s());
            if (p != null) {
                ordered.add(p);
            }
        }
        return ordered;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(200, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
    }
}
