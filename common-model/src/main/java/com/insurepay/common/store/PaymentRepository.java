package com.insurepay.common.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.ids.Ulid;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.payment.TransitionResult.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Payments and their history in the one table. Every status change is ONE TransactWriteItems: the payment update
 * conditioned on its current status and version, the history entry, and (for webhooks) the processed-event mark.
 * Two writers can never both win, and a mark never exists without its effect.
 */
public class PaymentRepository {

    private static final Logger LOG = Logger.getLogger(PaymentRepository.class);
    private static final int MAX_ATTEMPTS = 8;
    public static final int MAX_PAGE_SIZE = 100;

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public PaymentRepository(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    public String table() {
        return table;
    }

    /**
     * Stores a new payment together with its first history entry.
     *
     * @throws DuplicateItemException if a payment with this id exists
     */
    public void create(Payment payment, TransitionCause cause) {
        HistoryEntry created = new HistoryEntry(payment.paymentId(), payment.createdAt(), null, payment.status(), true,
                cause.source(), cause.stripeEventId(), cause.detail());
        try {
            client.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(PaymentItems.toItem(payment))
                            .conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", PK)).build()).build(),
                    TransactWriteItem.builder().put(historyPut(created)).build()));
        } catch (TransactionCanceledException e) {
            if (failedCondition(e, 0)) {
                throw new DuplicateItemException("payment " + payment.paymentId() + " already exists");
            }
            throw e;
        }
    }

    public Optional<Payment> find(String paymentId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(PaymentItems.key(paymentId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PaymentItems.fromItem(item));
    }

    /** The audit trail, oldest first. */
    public List<HistoryEntry> history(String paymentId) {
        List<HistoryEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :h)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(PAYMENT_PK_PREFIX + paymentId), ":h", Attr.s(HISTORY_SK_PREFIX)))
                    .exclusiveStartKey(from));
            page.items().forEach(i -> entries.add(PaymentItems.historyFromItem(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return entries;
    }

    /** A user's payments, newest first ({@value com.insurepay.common.table.PaymentTable#USER_INDEX}). */
    public Page<Payment> findByUser(String userId, int limit, String cursor) {
        return queryIndex(USER_INDEX, USER_ID, userId, limit, cursor);
    }

    /** A quote's payments, newest first ({@value com.insurepay.common.table.PaymentTable#QUOTE_INDEX}). */
    public Page<Payment> findByQuote(String quoteId, int limit, String cursor) {
        return queryIndex(QUOTE_INDEX, QUOTE_ID, quoteId, limit, cursor);
    }

    /** Payments made through one Payment Link, newest first. */
    public Page<Payment> findByPaymentLink(String paymentLinkId, int limit, String cursor) {
        return queryIndex(PAYMENT_LINK_INDEX, PAYMENT_LINK_ID, paymentLinkId, limit, cursor);
    }

    public Optional<Payment> findByStripeSession(String sessionId) {
        return queryIndex(SESSION_INDEX, STRIPE_SESSION_ID, sessionId, 1, null).items().stream().findFirst()
                .flatMap(p -> find(p.paymentId()));
    }

    public Optional<Payment> findByStripePaymentIntent(String paymentIntentId) {
        return queryIndex(PAYMENT_INTENT_INDEX, STRIPE_PAYMENT_INTENT, paymentIntentId, 1, null).items().stream().findFirst()
                .flatMap(p -> find(p.paymentId()));
    }

    /**
     * Open (pending or failed) payments whose {@code expires_at} is before {@code cutoff}, oldest expiry first:
     * what the reconciliation must ask Stripe about. Served by the sparse {@value com.insurepay.common.table.PaymentTable#OPEN_PAYMENTS_INDEX}.
     */
    public Page<Payment> findOpenExpiringBefore(Instant cutoff, int limit, String cursor) {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(OPEN_PAYMENTS_INDEX)
                .keyConditionExpression("#b = :open AND #e < :cutoff")
                .expressionAttributeNames(Map.of("#b", OPEN_BUCKET, "#e", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":open", Attr.s(PaymentItems.OPEN), ":cutoff", Attr.time(cutoff)))
                .limit(clamp(limit)).exclusiveStartKey(CursorCodec.decode(cursor)).build();
        return page(client.query(request));
    }

    /**
     * Records the Stripe Checkout Session created for a payment. Allowed once; repeating it with the same session is
     * a no-op (a retried request), another session is refused.
     *
     * @return the payment as stored afterwards
     */
    public Payment attachCheckoutSession(String paymentId, String sessionId, String checkoutUrl, Instant expiresAt,
            String paymentLinkId) {
        Map<String, String> names = new HashMap<>(Map.of("#s", STRIPE_SESSION_ID, "#u", "checkout_url", "#e", EXPIRES_AT,
                "#v", "version", "#t", "updated_at", "#pk", PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", Attr.s(sessionId), ":u", Attr.s(checkoutUrl),
                ":e", Attr.time(expiresAt), ":one", Attr.n(1), ":now", Attr.time(clock.instant())));
        String linkPart = "";
        if (paymentLinkId != null) {
            names.put("#l", PAYMENT_LINK_ID);
            values.put(":l", Attr.s(paymentLinkId));
            linkPart = ", #l = :l";
        }
        String set = "SET #s = :s, #u = :u, #e = :e, #v = #v + :one, #t = :now" + linkPart;
        try {
            client.updateItem(b -> b.tableName(table).key(PaymentItems.key(paymentId))
                    .updateExpression(set)
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#s) OR #s = :s)")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("payment " + paymentId + " is missing or already has another Checkout Session");
        }
        return find(paymentId).orElseThrow();
    }

    /**
     * Moves a payment to {@code to} if its current status is one of {@code from} and the state machine allows it.
     * When it is not allowed, the attempt is still written to the history ({@code applied=false}). If
     * {@code eventMark} is given, it is written in the same transaction, so a Stripe event is marked processed
     * exactly when its effect is stored; an event already marked gives {@link Outcome#DUPLICATE_EVENT}.
     */
    public TransitionResult transition(String paymentId, Set<PaymentStatus> from, PaymentStatus to, TransitionCause cause,
            PaymentChanges changes, ProcessedEvent eventMark) {
        return transitionWith(paymentId, from, to, cause, current -> changes, eventMark);
    }

    /**
     * Like {@link #transition}, but the attribute changes are computed from the payment as read inside the
     * conditional-write retry loop, so they may depend on the stored state atomically (e.g. a refunded amount that
     * must never decrease: {@code max(stored, event's)}). {@code changesFor} may be called once per attempt.
     */
    public TransitionResult transitionWith(String paymentId, Set<PaymentStatus> from, PaymentStatus to,
            TransitionCause cause, Function<Payment, PaymentChanges> changesFor, ProcessedEvent eventMark) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Payment> found = find(paymentId);
            if (found.isEmpty()) {
                return new TransitionResult(Outcome.NOT_FOUND, null);
            }
            Payment current = found.get();
            Instant now = clock.instant();
            boolean allowed = from.contains(current.status()) && current.status().canBecome(to);
            HistoryEntry entry = new HistoryEntry(paymentId, now, current.status(), to, allowed, cause.source(),
                    cause.stripeEventId(), cause.detail());
            List<TransactWriteItem> items = new ArrayList<>();
            if (allowed) {
                PaymentChanges changes = changesFor.apply(current);
                items.add(TransactWriteItem.builder().update(statusUpdate(current, to,
                        changes == null ? PaymentChanges.NONE : changes, now)).build());
            }
            items.add(TransactWriteItem.builder().put(historyPut(entry)).build());
            if (eventMark != null) {
                items.add(TransactWriteItem.builder().put(new ProcessedEventStore(client, table).putInTransaction(
                        withPayment(eventMark, paymentId, allowed ? "applied" : "not_allowed"))).build());
            }
            try {
                client.transactWriteItems(b -> b.transactItems(items));
                Payment after = allowed ? find(paymentId).orElseThrow() : current;
                return new TransitionResult(allowed ? Outcome.APPLIED : Outcome.NOT_ALLOWED, after);
            } catch (TransactionCanceledException e) {
                if (eventMark != null && failedCondition(e, items.size() - 1)) {
                    return new TransitionResult(Outcome.DUPLICATE_EVENT, current);
                }
                // The payment changed under us (another writer won) or a transaction conflict: read again.
                LOG.debugf("transition of %s to %s lost a race (attempt %d): %s", paymentId, to, attempt, reasons(e));
                sleepBriefly(attempt);
            }
        }
        throw new IllegalStateException("transition of payment " + paymentId + " to " + to + " kept conflicting");
    }

    /**
     * Stores the Stripe Checkout Session and/or PaymentIntent of a payment where they are still missing, without a
     * status change (a Payment Link's session, or the PaymentIntent of a session still awaiting an asynchronous
     * payment, is only known from a webhook). Never overwrites a stored value; null arguments are left alone.
     *
     * @return the payment as stored afterwards; empty if there is no such payment
     */
    public Optional<Payment> attachStripeReferences(String paymentId, String sessionId, String paymentIntentId) {
        Optional<Payment> found = find(paymentId);
        if (found.isEmpty()) {
            return found;
        }
        Payment current = found.get();
        boolean addSession = sessionId != null && current.stripeSessionId() == null;
        boolean addIntent = paymentIntentId != null && current.stripePaymentIntent() == null;
        if (!addSession && !addIntent) {
            return found;
        }
        Map<String, String> names = new HashMap<>(Map.of("#v", "version", "#t", "updated_at", "#pk", PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Attr.n(1), ":now", Attr.time(clock.instant())));
        List<String> set = new ArrayList<>(List.of("#v = #v + :one", "#t = :now"));
        if (addSession) {
            // if_not_exists: a concurrent writer that stored another value first keeps it.
            set.add("#s = if_not_exists(#s, :s)");
            names.put("#s", STRIPE_SESSION_ID);
            values.put(":s", Attr.s(sessionId));
        }
        if (addIntent) {
            set.add("#pi = if_not_exists(#pi, :pi)");
            names.put("#pi", STRIPE_PAYMENT_INTENT);
            values.put(":pi", Attr.s(paymentIntentId));
        }
        try {
            client.updateItem(b -> b.tableName(table).key(PaymentItems.key(paymentId))
                    .updateExpression("SET " + String.join(", ", set))
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException gone) {
            return Optional.empty();
        }
        return find(paymentId);
    }

    private Update statusUpdate(Payment current, PaymentStatus to, PaymentChanges changes, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#st", "payment_status", "#v", "version", "#t", "updated_at",
                "#ob", OPEN_BUCKET));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", Attr.s(to.wireName()), ":from",
                Attr.s(current.status().wireName()), ":v", Attr.n(current.version()), ":v1", Attr.n(current.version() + 1),
                ":now", Attr.time(now)));
        List<String> set = new ArrayList<>(List.of("#st = :to", "#v = :v1", "#t = :now"));
        List<String> remove = new ArrayList<>();
        if (to.isOpen()) {
            set.add("#ob = :open");
            values.put(":open", Attr.s(PaymentItems.OPEN));
        } else {
            remove.add("#ob");
        }
        if (changes.failureReason() != null) {
            set.add("#fr = :fr");
            names.put("#fr", "failure_reason");
            values.put(":fr", Attr.s(changes.failureReason()));
        } else if (changes.clearFailureReason()) {
            remove.add("#fr");
            names.put("#fr", "failure_reason");
        }
        if (changes.stripePaymentIntent() != null) {
            set.add("#pi = :pi");
            names.put("#pi", STRIPE_PAYMENT_INTENT);
            values.put(":pi", Attr.s(changes.stripePaymentIntent()));
        }
        if (changes.refundedAmount() != null) {
            set.add("#ra = :ra");
            names.put("#ra", "refunded_amount");
            values.put(":ra", Attr.n(changes.refundedAmount()));
        }
        if (changes.stampWebhookProcessed()) {
            set.add("#wp = :now");
            names.put("#wp", "webhook_processed_at");
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return Update.builder().tableName(table).key(PaymentItems.key(current.paymentId()))
                .updateExpression(expression)
                .conditionExpression("#st = :from AND #v = :v")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private Put historyPut(HistoryEntry entry) {
        return Put.builder().tableName(table).item(PaymentItems.historyItem(entry, Ulid.next(entry.at())))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)).build();
    }

    private static ProcessedEvent withPayment(ProcessedEvent e, String paymentId, String outcome) {
        return new ProcessedEvent(e.eventId(), e.type(), e.stripeObjectId(), paymentId,
                e.outcome() != null ? e.outcome() : outcome, e.receivedAt(), e.expiresAt());
    }

    private Page<Payment> queryIndex(String index, String attribute, String value, int limit, String cursor) {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#k = :v")
                .expressionAttributeNames(Map.of("#k", attribute))
                .expressionAttributeValues(Map.of(":v", Attr.s(value)))
                .scanIndexForward(false)
                .limit(clamp(limit)).exclusiveStartKey(CursorCodec.decode(cursor)).build();
        return page(client.query(request));
    }

    private static Page<Payment> page(QueryResponse response) {
        List<Payment> items = response.items().stream().map(PaymentItems::fromItem).collect(Collectors.toList());
        String next = response.hasLastEvaluatedKey() ? CursorCodec.encode(response.lastEvaluatedKey()) : null;
        return new Page<>(items, next);
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
    }


    static boolean failedCondition(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static String reasons(TransactionCanceledException e) {
        return e.cancellationReasons() == null ? e.getMessage()
                : e.cancellationReasons().stream().map(CancellationReason::code).collect(Collectors.joining(","));
    }

    private static void sleepBriefly(int attempt) {
        try {
            Thread.sleep(Math.min(50, 2L * attempt * attempt) + (long) (Math.random() * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
