package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.COMPLETED;
import static com.insurepay.common.payment.PaymentStatus.DISPUTED;
import static com.insurepay.common.payment.PaymentStatus.EXPIRED;
import static com.insurepay.common.payment.PaymentStatus.FAILED;
import static com.insurepay.common.payment.PaymentStatus.PAID_AFTER_CLOSE;
import static com.insurepay.common.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static com.insurepay.common.payment.PaymentStatus.REFUNDED;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.StripeEvidence;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The rules: what each verified Stripe event does to our payment. Each rule builds one {@link Transition} whose
 * single conditional write checks the status machine, the event's absence (de-duplication) and the evidence (the
 * object's Stripe ids, amount and currency are the payment's) and appends the history entry, so the common case is
 * ONE DynamoDB request per event, and no customer-editable field can move money. Order is not trusted: the state
 * machine decides, and whatever is refused is kept in the payment's history.
 */
@ApplicationScoped
public class StripeEventProcessor {

    private static final Logger LOG = Logger.getLogger(StripeEventProcessor.class);

    public static final String SESSION_COMPLETED = "checkout.session.completed";
    public static final String SESSION_ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded";
    public static final String SESSION_ASYNC_FAILED = "checkout.session.async_payment_failed";
    public static final String SESSION_EXPIRED = "checkout.session.expired";
    public static final String PAYMENT_FAILED = "payment_intent.payment_failed";
    public static final String CHARGE_REFUNDED = "charge.refunded";
    public static final String DISPUTE_CREATED = "charge.dispute.created";
    public static final String DISPUTE_CLOSED = "charge.dispute.closed";
    public static final Set<String> HANDLED = Set.of(SESSION_COMPLETED, SESSION_ASYNC_SUCCEEDED, SESSION_ASYNC_FAILED,
            SESSION_EXPIRED, PAYMENT_FAILED, CHARGE_REFUNDED, DISPUTE_CREATED, DISPUTE_CLOSED);

    static final String ASYNC_FAILURE_REASON = "The payment could not be completed (the asynchronous payment method failed).";
    static final String DEFAULT_DECLINE_REASON = "The payment was declined.";

    private final PaymentRepository payments;
    private final PaymentCandidates candidates;
    private final WebhookMetrics metrics;

    public StripeEventProcessor(PaymentRepository payments, PaymentCandidates candidates, WebhookMetrics metrics) {
        this.payments = payments;
        this.candidates = candidates;
        this.metrics = metrics;
    }

    /** What became of an event, and the payment it was applied to (null when none). */
    public record Processed(DeliveryOutcome outcome, String paymentId) {
    }

    /** How one event acts on a payment, once the payment to try is known, and the evidence it rests on. */
    private record Rule(StripeEvidence evidence, Function<String, TransitionResult> write) {

        TransitionResult apply(String paymentId) {
            return write.apply(paymentId);
        }

        /**
         * The payment has seen the event but does not own its object: the event was refused there (a mismatch), which
         * says nothing about whether its owner has it yet (that write may have failed after this one).
         */
        boolean seenByANonOwner(TransitionResult r) {
            return r.outcome() == TransitionResult.Outcome.DUPLICATE_EVENT && r.payment() != null
                    && evidence.mismatchWith(r.payment()).isPresent();
        }
    }

    public Processed process(StripeEvent event) {
        Optional<Rule> rule = ruleFor(event);
        if (rule.isEmpty()) {
            LOG.debugf("event %s (%s): nothing to apply", event.id(), event.type());
            return new Processed(DeliveryOutcome.IGNORED, null);
        }
        Processed processed = applyToOwner(event, rule.get());
        LOG.infof("event %s (%s, api_version %s) on payment %s: %s", event.id(), event.type(), event.apiVersion(),
                processed.paymentId(), processed.outcome().tag());
        return processed;
    }

    /**
     * Tries the hinted payments (usually one id, one write), then the payment found by stored Stripe ids. A hint
     * whose payment does not own the object gets a mismatch entry in its history (an attempt to pay it with
     * someone else's money is worth an operator's look) and the search goes on.
     */
    private Processed applyToOwner(StripeEvent event, Rule rule) {
        List<String> hinted = candidates.hinted(event);
        List<String> tried = new ArrayList<>();
        Processed result = null;
        boolean ownerReached = false;
        for (String paymentId : hinted) {
            tried.add(paymentId);
            TransitionResult r = rule.apply(paymentId);
            Processed p = outcomeOf(event, paymentId, r);
            if (p.outcome() != DeliveryOutcome.MISMATCH && p.outcome() != DeliveryOutcome.IGNORED && !rule.seenByANonOwner(r)) {
                result = p;
                ownerReached = true;
                break;
            }
            result = p.outcome() == DeliveryOutcome.IGNORED ? result : p;
        }
        if (!ownerReached) {
            Optional<String> owner = candidates.byStoredIds(event).filter(id -> !tried.contains(id));
            if (owner.isPresent()) {
                Processed p = outcomeOf(event, owner.get(), rule.apply(owner.get()));
                result = p.outcome() == DeliveryOutcome.IGNORED ? result : p;
            }
        }
        // A hint naming another payment than the owner: someone tried to pay it with this object; record that there.
        for (String other : hinted) {
            if (!tried.contains(other) && result != null && !other.equals(result.paymentId())) {
                outcomeOf(event, other, rule.apply(other));
            }
        }
        return result != null ? result : new Processed(DeliveryOutcome.IGNORED, null);
    }

    private Processed outcomeOf(StripeEvent event, String paymentId, TransitionResult r) {
        DeliveryOutcome outcome = switch (r.outcome()) {
            // An unpaid session brings no money, whatever the payment's status (paid_after_close included).
            case APPLIED -> awaitsPayment(event) ? DeliveryOutcome.RECORDED
                    : r.payment().status() == PAID_AFTER_CLOSE && isMoneyIn(event) ? DeliveryOutcome.PAID_AFTER_CLOSE
                            : DeliveryOutcome.APPLIED;
            case NOT_ALLOWED -> DeliveryOutcome.STALE;
            case DUPLICATE_EVENT -> DeliveryOutcome.DUPLICATE;
            case MISMATCH -> DeliveryOutcome.MISMATCH;
            case NOT_FOUND -> DeliveryOutcome.IGNORED;
        };
        if (outcome == DeliveryOutcome.MISMATCH) {
            metrics.mismatch(event.type());
            LOG.warnf("event %s (%s) on %s is not the money of payment %s: %s", event.id(), event.type(), event.objectId(),
                    paymentId, r.detail());
        } else if (outcome == DeliveryOutcome.PAID_AFTER_CLOSE) {
            metrics.paidAfterClose();
            LOG.warnf("event %s (%s): money arrived for closed payment %s; it will be given back", event.id(), event.type(),
                    paymentId);
        }
        return new Processed(outcome, outcome == DeliveryOutcome.IGNORED ? null : paymentId);
    }

    /** A completed session whose (delayed) payment is still to come: only its ids are recorded. */
    private static boolean awaitsPayment(StripeEvent event) {
        String paymentStatus = event.field("payment_status");
        return SESSION_COMPLETED.equals(event.type()) && !"paid".equals(paymentStatus) && !"no_payment_required".equals(paymentStatus);
    }

    private static boolean isMoneyIn(StripeEvent event) {
        return SESSION_COMPLETED.equals(event.type()) || SESSION_ASYNC_SUCCEEDED.equals(event.type());
    }

    private Optional<Rule> ruleFor(StripeEvent event) {
        TransitionCause cause = TransitionCause.webhook(event.id(), event.type());
        String paymentIntent = PaymentCandidates.paymentIntentOf(event);
        return switch (event.type()) {
            case SESSION_COMPLETED, SESSION_ASYNC_SUCCEEDED -> Optional.of(sessionPaid(event, cause, paymentIntent));
            case SESSION_ASYNC_FAILED -> Optional.of(rule(Transition.to(FAILED, cause)
                    .with(PaymentChanges.NONE.withFailureReason(ASYNC_FAILURE_REASON).withStripePaymentIntent(paymentIntent)
                            .withStripeSession(event.objectId()).stampingWebhookProcessed())
                    .provenBy(sessionEvidence(event))));
            case SESSION_EXPIRED -> sessionExpired(event, cause);
            case PAYMENT_FAILED -> Optional.of(rule(Transition.to(FAILED, cause)
                    .with(PaymentChanges.NONE.withFailureReason(Objects.requireNonNullElse(
                            event.nested("last_payment_error", "message"), DEFAULT_DECLINE_REASON))
                            .withStripePaymentIntent(paymentIntent).stampingWebhookProcessed())
                    .provenBy(StripeEvidence.paymentIntent(event.objectId(), paymentIntent, event.number("amount"),
                            event.field("currency")))));
            case CHARGE_REFUNDED -> Optional.of(chargeRefunded(event, cause, paymentIntent));
            case DISPUTE_CREATED -> Optional.of(dispute(event, cause, paymentIntent, Payment.DISPUTE_OPEN));
            case DISPUTE_CLOSED -> Optional.of(dispute(event, cause, paymentIntent, closedOutcome(event.field("status"))));
            default -> Optional.empty();
        };
    }

    /**
     * Paid: completed. "unpaid": a delayed payment method, settled later by an async_payment_* event; its ids are
     * kept now. Money for a payment we already closed becomes paid_after_close, never silently kept.
     */
    private Rule sessionPaid(StripeEvent event, TransitionCause cause, String paymentIntent) {
        StripeEvidence evidence = sessionEvidence(event);
        PaymentChanges paid = PaymentChanges.paid(paymentIntent).withStripeSession(event.objectId()).stampingWebhookProcessed();
        if (awaitsPayment(event)) {
            return new Rule(evidence, id -> payments.recordReferences(id, evidence,
                    cause.withDetail(event.type() + " (awaiting payment)"),
                    PaymentChanges.NONE.withStripePaymentIntent(paymentIntent).withStripeSession(event.objectId())));
        }
        return rule(Transition.to(COMPLETED, cause).with(paid).provenBy(evidence)
                .otherwise(Transition.to(PAID_AFTER_CLOSE, cause).with(paid).provenBy(evidence)));
    }

    /**
     * A Payment Link outlives its sessions: an abandoned link session expires, the link (and payment) does not;
     * checkout-service expires link payments itself. A checkout payment expires with its own session only, when the
     * session timed out. A session expired through the API was closed by checkout-service (cancel, a new price, a
     * saved quote), which records its own closing status right after: applying "expired" here would race it and turn
     * a cancel into a refusal. Should that write never come, reconciliation finds the session expired.
     */
    private Optional<Rule> sessionExpired(StripeEvent event, TransitionCause cause) {
        if (event.reference("payment_link") != null || event.causedByApiRequest()) {
            return Optional.empty();
        }
        return Optional.of(rule(Transition.to(EXPIRED, cause).with(PaymentChanges.NONE.stampingWebhookProcessed())
                .provenBy(sessionEvidence(event))));
    }

    /**
     * {@code amount_refunded} is cumulative, so the latest event carries the whole truth; an older one arriving late
     * changes nothing (the write only raises the stored amount). A refund can reach us before the completion: a
     * refunded charge was paid, so the same write records the completion first (or paid_after_close, for a payment
     * we had closed).
     */
    private Rule chargeRefunded(StripeEvent event, TransitionCause cause, String paymentIntent) {
        Long amount = event.number("amount");
        long refunded = Objects.requireNonNullElse(event.number("amount_refunded"), 0L);
        StripeEvidence evidence = StripeEvidence.paymentIntent(event.objectId(), paymentIntent,
                amount != null && refunded <= amount ? amount : null, event.field("currency"));
        boolean full = amount != null && refunded >= amount;
        PaymentChanges changes = PaymentChanges.NONE.withRefundedAmount(refunded).withStripePaymentIntent(paymentIntent)
                .stampingWebhookProcessed();
        Transition refund = Transition.to(full ? REFUNDED : PARTIALLY_REFUNDED, cause).with(changes).provenBy(evidence);
        Transition implied = refund.with(changes.clearingFailureReason());
        // Late money stays late money until it is all given back: a part refunded keeps it paid_after_close.
        Transition late = full ? implied.via(PAID_AFTER_CLOSE) : Transition.to(PAID_AFTER_CLOSE, cause)
                .with(changes.clearingFailureReason()).provenBy(evidence);
        return rule(refund.otherwise(implied.via(COMPLETED)).otherwise(late));
    }

    /**
     * A dispute suspends the cover; its closing restores it (won) or cancels it (lost). Each is keyed by the dispute's
     * id, so a "created" that arrives after "closed" cannot suspend the cover again. A dispute exists only on a paid
     * charge: an earlier missing completion is recorded in the same write.
     */
    private Rule dispute(StripeEvent event, TransitionCause cause, String paymentIntent, String disputeStatus) {
        StripeEvidence evidence = StripeEvidence.dispute(event.objectId(), paymentIntent, event.number("amount"),
                event.field("currency"));
        Transition dispute = Transition.to(DISPUTED, cause)
                .with(PaymentChanges.NONE.withDispute(event.objectId(), disputeStatus).stampingWebhookProcessed())
                .provenBy(evidence);
        Transition implied = dispute.with(dispute.changes().withStripePaymentIntent(paymentIntent).clearingFailureReason());
        return rule(dispute.otherwise(implied.via(COMPLETED)).otherwise(implied.via(PAID_AFTER_CLOSE)));
    }

    private Rule rule(Transition transition) {
        return new Rule(transition.evidence(), id -> payments.apply(id, transition));
    }

    /** Stripe's closed dispute statuses: won, lost, or warning_closed (an inquiry that never became a chargeback). */
    static String closedOutcome(String stripeStatus) {
        return "lost".equals(stripeStatus) ? Payment.DISPUTE_LOST : Payment.DISPUTE_WON;
    }

    private static StripeEvidence sessionEvidence(StripeEvent event) {
        return StripeEvidence.session(event.objectId(), event.reference("payment_link"),
                PaymentCandidates.paymentIntentOf(event), event.number("amount_total"), event.field("currency"));
    }
}
