package com.insurepay.common.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.StripeEvidence;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.payment.TransitionResult.Outcome;
import com.insurepay.common.table.PaymentTable.Payments;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The payment item: a payment, its audit trail and the Stripe events it has seen, in ONE item, changed by ONE
 * conditional write each time. A transition's write checks the status (the state machine), the event's absence
 * (de-duplication) and the Stripe evidence (ids and money) in its condition, and appends the history entry and the
 * event id in the same write: no read before it, no transaction, and two writers can never both win. Only when the
 * condition fails is the refused attempt explained from the item DynamoDB returns with the failure, and recorded.
 * Index queries live in {@link PaymentQueries}.
 */
public class PaymentRepository {

    private static final Logger LOG = Logger.getLogger(PaymentRepository.class);
    private static final AttributeValue EMPTY_LIST = AttributeValue.builder().l(List.of()).build();
    private static final int MAX_ATTEMPTS = 5;

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
     * Stores a new payment with its first history entry, in one conditional put.
     *
     * @throws DuplicateItemException if a payment with this id exists
     */
    public void create(Payment payment, TransitionCause cause) {
        HistoryEntry created = HistoryEntry.of(payment.createdAt(), null, payment.status(), true, cause);
        try {
            client.putItem(b -> b.tableName(table).item(PaymentItems.toItem(payment, List.of(created)))
                    .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)));
        } catch (ConditionalCheckFailedException e) {
            throw new DuplicateItemException("payment " + payment.paymentId() + " already exists");
        }
    }

    public Optional<Payment> find(String paymentId) {
        return findStored(paymentId).map(StoredPayment::payment);
    }

    /** The payment with its audit trail (oldest first): one consistent read. */
    public Optional<StoredPayment> findStored(String paymentId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(PaymentItems.key(paymentId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(StoredPayment.of(item));
    }

    /** The audit trail, oldest first. */
    public List<HistoryEntry> history(String paymentId) {
        return findStored(paymentId).map(StoredPayment::history).orElse(List.of());
    }

    /**
     * Applies a transition in one conditional UpdateItem. When the condition fails, the item as it was is explained
     * (missing, event already seen, evidence mismatch, status not allowed, nothing new) and, unless the event was a
     * duplicate, the refused attempt is appended to the history with {@code applied=false}.
     */
    public TransitionResult apply(String paymentId, Transition requested) {
        Transition t = requested;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Expr e = new Expr();
            String update = transitionUpdate(e, t, now);
            String condition = transitionCondition(e, t);
            try {
                Map<String, AttributeValue> after = client.updateItem(request(paymentId, e, update, condition)
                        .returnValues(ReturnValue.ALL_NEW).build()).attributes();
                return new TransitionResult(Outcome.APPLIED, PaymentItems.fromItem(after), null);
            } catch (ConditionalCheckFailedException failed) {
                Optional<Map<String, AttributeValue>> before = itemOf(failed, paymentId);
                if (before.isEmpty()) {
                    return new TransitionResult(Outcome.NOT_FOUND, null, "no payment " + paymentId);
                }
                Refusal refusal = explain(before.get(), t);
                if (refusal == null) {
                    // Only when the item had to be read again after the failure (a store that does not return it).
                    LOG.debugf("transition of %s to %s raced another writer (attempt %d)", paymentId, t.target(), attempt);
                    continue;
                }
                Payment current = PaymentItems.fromItem(before.get());
                if (refusal.outcome() == Outcome.NOT_ALLOWED) {
                    // Chosen again from the requested transition and all its fallbacks each time: the status may have
                    // moved on since the last choice (a completion landing between a refund's two attempts makes the
                    // refund itself allowed again, where its implied completion no longer is).
                    Transition refused = t;
                    Optional<Transition> alternative = Stream.concat(Stream.of(requested), requested.fallbacks().stream())
                            .filter(c -> !c.equals(refused) && c.sources().contains(current.status())).findFirst();
                    if (alternative.isPresent()) {
                        t = alternative.get();
                        continue;
                    }
                }
                if (refusal.outcome() == Outcome.DUPLICATE_EVENT) {
                    return new TransitionResult(Outcome.DUPLICATE_EVENT, current, refusal.detail());
                }
                TransitionCause cause = t.cause().withDetail(t.cause().detail() == null ? refusal.detail()
                        : t.cause().detail() + ": " + refusal.detail());
                Outcome recorded = recordRefused(paymentId, requested.target(), cause, now) ? refusal.outcome() : Outcome.DUPLICATE_EVENT;
                return new TransitionResult(recorded, current, refusal.detail());
            }
        }
        throw new IllegalStateException("transition of payment " + paymentId + " to " + t.target() + " kept conflicting");
    }

    /**
     * Stores Stripe ids learnt from an event that changes no status (a session that awaits an asynchronous payment),
     * with the event's mark, if the evidence is this payment's. Never overwrites a stored id.
     *
     * @return APPLIED, DUPLICATE_EVENT, MISMATCH (recorded in the history) or NOT_FOUND
     */
    public TransitionResult recordReferences(String paymentId, StripeEvidence evidence, TransitionCause cause,
            PaymentChanges changes) {
        Expr e = new Expr();
        List<String> set = new ArrayList<>(List.of(e.name(UPDATED_AT) + " = " + e.value(Attr.time(clock.instant()))));
        setIfMissing(e, set, STRIPE_PAYMENT_INTENT, changes.stripePaymentIntent());
        setIfMissing(e, set, STRIPE_SESSION_ID, changes.stripeSessionId());
        String update = "SET " + String.join(", ", set) + addEvent(e, cause.stripeEventId());
        String condition = "attribute_exists(" + e.name(PK) + ")" + eventAbsent(e, cause.stripeEventId())
                + (evidence == null ? "" : " AND " + evidence.condition(e));
        try {
            Map<String, AttributeValue> after = client.updateItem(request(paymentId, e, update, condition)
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes();
            return new TransitionResult(Outcome.APPLIED, PaymentItems.fromItem(after), null);
        } catch (ConditionalCheckFailedException failed) {
            Optional<Map<String, AttributeValue>> before = itemOf(failed, paymentId);
            if (before.isEmpty()) {
                return new TransitionResult(Outcome.NOT_FOUND, null, "no payment " + paymentId);
            }
            Payment current = PaymentItems.fromItem(before.get());
            if (cause.stripeEventId() != null && PaymentItems.stripeEvents(before.get()).contains(cause.stripeEventId())) {
                return new TransitionResult(Outcome.DUPLICATE_EVENT, current, "event already recorded");
            }
            String mismatch = evidence == null ? "changed meanwhile" : evidence.mismatchWith(current).orElse("changed meanwhile");
            recordRefused(paymentId, current.status(), cause.withDetail(cause.detail() + ": " + mismatch), clock.instant());
            return new TransitionResult(Outcome.MISMATCH, current, mismatch);
        }
    }

    /**
     * Records the Stripe Checkout Session made for a payment, only while the payment is open: a session made for a
     * payment closed meanwhile (cancelled while Stripe was answering) must never be handed to a customer. Repeating
     * it with the same session is a no-op.
     *
     * @return the payment as stored afterwards; empty when it is missing, closed, or has another session
     */
    public Optional<Payment> attachCheckoutSession(String paymentId, String sessionId, String checkoutUrl, Instant expiresAt) {
        Expr e = new Expr();
        String sid = e.name(STRIPE_SESSION_ID);
        String update = "SET " + sid + " = " + e.value(sessionId) + ", " + e.name(Payments.CHECKOUT_URL) + " = "
                + e.value(checkoutUrl) + ", " + e.name(EXPIRES_AT) + " = " + e.value(Attr.time(expiresAt)) + ", "
                + bump(e, clock.instant());
        String condition = openCondition(e) + " AND (attribute_not_exists(" + sid + ") OR " + sid + " = " + e.value(sessionId) + ")";
        return conditionalAttributeWrite(paymentId, e, update, condition);
    }

    /** As {@link #attachCheckoutSession}, for the Payment Link sold for a pay-later payment (its URL is the checkout URL). */
    public Optional<Payment> attachPaymentLink(String paymentId, String paymentLinkId, String url) {
        Expr e = new Expr();
        String link = e.name(PAYMENT_LINK_ID);
        String update = "SET " + link + " = " + e.value(paymentLinkId) + ", " + e.name(Payments.CHECKOUT_URL) + " = "
                + e.value(url) + ", " + bump(e, clock.instant());
        String condition = openCondition(e) + " AND (attribute_not_exists(" + link + ") OR " + link + " = " + e.value(paymentLinkId) + ")";
        return conditionalAttributeWrite(paymentId, e, update, condition);
    }

    /** The address the customer asked us to use (confirmation e-mails go there). */
    public Optional<Payment> updateCustomerEmail(String paymentId, String email) {
        Expr e = new Expr();
        String update = "SET " + e.name(Payments.CUSTOMER_EMAIL) + " = " + e.value(email) + ", " + bump(e, clock.instant());
        return conditionalAttributeWrite(paymentId, e, update, "attribute_exists(" + e.name(PK) + ")");
    }

    /**
     * Takes a payment out of the policy-due bucket (it has its policy, or can no longer have one). Only the index
     * marker changes; a payment that moved to another bucket meanwhile keeps it.
     *
     * @return whether the marker was removed
     */
    public boolean clearPolicyDue(String paymentId) {
        Expr e = new Expr();
        String bucket = e.name(OPEN_BUCKET);
        try {
            client.updateItem(request(paymentId, e, "REMOVE " + bucket, bucket + " = " + e.value(POLICY_DUE_BUCKET)).build());
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    private Optional<Payment> conditionalAttributeWrite(String paymentId, Expr e, String update, String condition) {
        try {
            return Optional.of(PaymentItems.fromItem(client.updateItem(request(paymentId, e, update, condition)
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes()));
        } catch (ConditionalCheckFailedException refused) {
            return Optional.empty();
        }
    }

    private String transitionUpdate(Expr e, Transition t, Instant now) {
        PaymentStatus to = t.target();
        PaymentChanges c = t.changes();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        set.add(e.name(Payments.STATUS) + " = " + e.value(to.wireName()));
        set.add(bump(e, now));
        List<HistoryEntry> entries = t.path().stream()
                .map(step -> HistoryEntry.of(now, null, step, true, step == to ? t.cause()
                        : t.cause().withDetail(t.cause().detail() + " (implies " + step.wireName() + ")")))
                .toList();
        String history = e.name(Payments.HISTORY);
        set.add(history + " = list_append(if_not_exists(" + history + ", " + e.value(EMPTY_LIST) + "), "
                + e.value(PaymentItems.historyList(entries)) + ")");
        // The analytics outbox: every applied change marks the payment for the rollup, in this same write.
        set.add(e.name(STATS_DUE_ATTRIBUTE) + " = " + e.value(STATS_DUE));
        String bucket = PaymentItems.bucketOf(to);
        if (bucket == null) {
            remove.add(e.name(OPEN_BUCKET));
        } else {
            set.add(e.name(OPEN_BUCKET) + " = " + e.value(bucket));
        }
        if (t.path().stream().anyMatch(s -> s == PaymentStatus.COMPLETED || s == PaymentStatus.PAID_AFTER_CLOSE)) {
            String paidAt = e.name(Payments.PAID_AT);
            set.add(paidAt + " = if_not_exists(" + paidAt + ", " + e.value(Attr.time(now)) + ")");
        }
        if (c.failureReason() != null) {
            set.add(e.name(Payments.FAILURE_REASON) + " = " + e.value(c.failureReason()));
        } else if (c.clearFailureReason()) {
            remove.add(e.name(Payments.FAILURE_REASON));
        }
        if (c.stripePaymentIntent() != null) {
            set.add(e.name(STRIPE_PAYMENT_INTENT) + " = " + e.value(c.stripePaymentIntent()));
        }
        setIfMissing(e, set, STRIPE_SESSION_ID, c.stripeSessionId());
        if (c.refundedAmount() != null) {
            set.add(e.name(Payments.REFUNDED_AMOUNT) + " = " + e.value(c.refundedAmount()));
        }
        if (c.disputeId() != null) {
            set.add(e.name(Payments.DISPUTE_ID) + " = " + e.value(c.disputeId()));
        }
        if (c.disputeStatus() != null) {
            set.add(e.name(Payments.DISPUTE_STATUS) + " = " + e.value(c.disputeStatus()));
        }
        if (c.stampWebhookProcessed()) {
            set.add(e.name(Payments.WEBHOOK_PROCESSED_AT) + " = " + e.value(Attr.time(now)));
        }
        return "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove))
                + addEvent(e, t.stripeEventId());
    }

    private static String transitionCondition(Expr e, Transition t) {
        String status = e.name(Payments.STATUS);
        // No status may become the target (e.g. back to pending): a status value that never matches.
        String sources = t.sources().isEmpty() ? e.value("-")
                : t.sources().stream().map(s -> e.value(s.wireName())).collect(Collectors.joining(", "));
        StringBuilder c = new StringBuilder("attribute_exists(" + e.name(PK) + ") AND " + status + " IN (" + sources + ")");
        c.append(eventAbsent(e, t.stripeEventId()));
        if (t.evidence() != null) {
            c.append(" AND ").append(t.evidence().condition(e));
        }
        if (t.changes().moneyArrives()) {
            c.append(" AND attribute_not_exists(").append(e.name(Payments.PAID_AT)).append(")");
        }
        if (t.changes().refundedAmount() != null) {
            // Refund totals only rise: an older total arriving late changes nothing.
            String ra = e.name(Payments.REFUNDED_AMOUNT);
            c.append(" AND (attribute_not_exists(").append(ra).append(") OR ").append(ra).append(" < ")
                    .append(e.value(t.changes().refundedAmount())).append(")");
        }
        String disputeId = t.changes().disputeId();
        if (disputeId != null) {
            String did = e.name(Payments.DISPUTE_ID);
            String otherOrNone = "(attribute_not_exists(" + did + ") OR " + did + " <> " + e.value(disputeId) + ")";
            if (Payment.DISPUTE_OPEN.equals(t.changes().disputeStatus())) {
                // A dispute opens once: its "created" arriving after it closed changes nothing.
                c.append(" AND ").append(otherOrNone);
            } else {
                // A dispute closes the payment's open dispute, or (closed before "created" arrived) opens closed.
                c.append(" AND (").append(did).append(" = ").append(e.value(disputeId)).append(" OR (").append(otherOrNone)
                        .append(" AND ").append(status).append(" <> ").append(e.value(PaymentStatus.DISPUTED.wireName()))
                        .append("))");
            }
        }
        return c.toString();
    }

    /** Why the transition's condition failed on {@code item}; null if nothing explains it (the item changed since). */
    private static Refusal explain(Map<String, AttributeValue> item, Transition t) {
        Payment p = PaymentItems.fromItem(item);
        if (t.stripeEventId() != null && PaymentItems.stripeEvents(item).contains(t.stripeEventId())) {
            return new Refusal(Outcome.DUPLICATE_EVENT, "event " + t.stripeEventId() + " already seen");
        }
        if (t.evidence() != null) {
            Optional<String> mismatch = t.evidence().mismatchWith(p);
            if (mismatch.isPresent()) {
                return new Refusal(Outcome.MISMATCH, mismatch.get());
            }
        }
        if (!t.sources().contains(p.status())) {
            return new Refusal(Outcome.NOT_ALLOWED, p.status().wireName() + " cannot become " + t.path().get(0).wireName());
        }
        if (t.changes().moneyArrives() && p.paidAt() != null) {
            return new Refusal(Outcome.NOT_ALLOWED, "the money of this payment was already recorded");
        }
        Long refunded = t.changes().refundedAmount();
        if (refunded != null && p.refundedAmount() >= refunded) {
            return new Refusal(Outcome.NOT_ALLOWED, "refunded amount " + refunded + " is not above the " + p.refundedAmount()
                    + " already recorded");
        }
        String disputeId = t.changes().disputeId();
        if (disputeId != null) {
            boolean opening = Payment.DISPUTE_OPEN.equals(t.changes().disputeStatus());
            if (opening && disputeId.equals(p.disputeId())) {
                return new Refusal(Outcome.NOT_ALLOWED, "dispute " + disputeId + " was already recorded");
            }
            if (!opening && p.status() == PaymentStatus.DISPUTED && !disputeId.equals(p.disputeId())) {
                return new Refusal(Outcome.NOT_ALLOWED, "dispute " + disputeId + " is not the payment's dispute " + p.disputeId());
            }
        }
        return null;
    }

    private record Refusal(Outcome outcome, String detail) {
    }

    /**
     * Appends a refused attempt to the history (and marks its event, so a redelivery is a duplicate). The business
     * state and its version are untouched.
     *
     * @return false if the event had been recorded by a concurrent delivery (nothing written)
     */
    private boolean recordRefused(String paymentId, PaymentStatus attempted, TransitionCause cause, Instant now) {
        Expr e = new Expr();
        String history = e.name(Payments.HISTORY);
        String update = "SET " + history + " = list_append(if_not_exists(" + history + ", " + e.value(EMPTY_LIST) + "), "
                + e.value(PaymentItems.historyList(List.of(HistoryEntry.of(now, null, attempted, false, cause)))) + ")"
                + addEvent(e, cause.stripeEventId());
        String condition = "attribute_exists(" + e.name(PK) + ")" + eventAbsent(e, cause.stripeEventId());
        try {
            client.updateItem(request(paymentId, e, update, condition).build());
            return true;
        } catch (ConditionalCheckFailedException duplicate) {
            return false;
        }
    }

    /**
     * The item as it was when the condition failed: DynamoDB returns it with the failure (no extra read). A store
     * that does not (older emulators) is read consistently instead.
     */
    private Optional<Map<String, AttributeValue>> itemOf(ConditionalCheckFailedException failed, String paymentId) {
        if (failed.hasItem() && !failed.item().isEmpty()) {
            return Optional.of(failed.item());
        }
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(PaymentItems.key(paymentId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private UpdateItemRequest.Builder request(String paymentId, Expr e, String update, String condition) {
        return UpdateItemRequest.builder().tableName(table).key(PaymentItems.key(paymentId))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    private static String openCondition(Expr e) {
        return "attribute_exists(" + e.name(PK) + ") AND " + e.name(Payments.STATUS) + " IN ("
                + e.value(PaymentStatus.PENDING.wireName()) + ", " + e.value(PaymentStatus.FAILED.wireName()) + ")";
    }

    private static String bump(Expr e, Instant now) {
        String v = e.name(Payments.VERSION);
        return v + " = " + v + " + " + e.value(1) + ", " + e.name(UPDATED_AT) + " = " + e.value(Attr.time(now));
    }

    private static void setIfMissing(Expr e, List<String> set, String attribute, String value) {
        if (value != null) {
            String n = e.name(attribute);
            set.add(n + " = if_not_exists(" + n + ", " + e.value(value) + ")");
        }
    }

    private static String addEvent(Expr e, String eventId) {
        return eventId == null ? ""
                : " ADD " + e.name(Payments.STRIPE_EVENTS) + " " + e.value(AttributeValue.builder().ss(eventId).build());
    }

    private static String eventAbsent(Expr e, String eventId) {
        return eventId == null ? "" : " AND NOT contains(" + e.name(Payments.STRIPE_EVENTS) + ", " + e.value(eventId) + ")";
    }
}
