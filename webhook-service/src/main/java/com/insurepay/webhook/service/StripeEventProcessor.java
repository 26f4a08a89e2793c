package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.COMPLETED;
import static com.insurepay.common.payment.PaymentStatus.DISPUTED;
import static com.insurepay.common.payment.PaymentStatus.EXPIRED;
import static com.insurepay.common.payment.PaymentStatus.FAILED;
import static com.insurepay.common.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static com.insurepay.common.payment.PaymentStatus.PENDING;
import static com.insurepay.common.payment.PaymentStatus.REFUNDED;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.store.ProcessedEvent;
import com.insurepay.common.store.ProcessedEventStore;
import com.insurepay.webhook.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The rules: what each verified Stripe event does to our payment. Every effect is stored together with the event's
 * record (one transaction), or the record is written only after an idempotent effect is durable, so a crash at any
 * point is repaired by Stripe's redelivery and nothing is applied twice. Order is not trusted: the state machine
 * ({@link PaymentStatus#canBecome}) decides, and a refused event is kept in the payment's history.
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
    public static final Set<String> HANDLED = Set.of(SESSION_COMPLETED, SESSION_ASYNC_SUCCEEDED, SESSION_ASYNC_FAILED,
            SESSION_EXPIRED, PAYMENT_FAILED, CHARGE_REFUNDED, DISPUTE_CREATED);

    static final String ASYNC_FAILURE_REASON = "The payment could not be completed (the asynchronous payment method failed).";
    static final String DEFAULT_DECLINE_REASON = "The payment was declined.";
    private static final Set<PaymentStatus> OPEN = EnumSet.of(PENDING, FAILED);
    private static final Set<PaymentStatus> PAID_NOT_FINAL = EnumSet.of(COMPLETED, PARTIALLY_REFUNDED);

    private final PaymentRepository payments;
    private final ProcessedEventStore events;
    private final PaymentLocator locator;
    private final Clock clock;
    private final WebhookConfig config;

    public StripeEventProcessor(PaymentRepository payments, ProcessedEventStore events, PaymentLocator locator, Clock clock,
            WebhookConfig config) {
        this.payments = payments;
        this.events = events;
        this.locator = locator;
        this.clock = clock;
        this.config = config;
    }

    public DeliveryOutcome process(StripeEvent event) {
        // A cheap read first: most duplicates stop here. Racing duplicates are stopped by the conditional writes.
        if (events.find(event.id()).isPresent()) {
            LOG.debugf("event %s (%s) already processed", event.id(), event.type());
            return DeliveryOutcome.DUPLICATE;
        }
        Instant receivedAt = clock.instant();
        ProcessedEvent mark = new ProcessedEvent(event.id(), event.type(), event.objectId(), null, null, receivedAt,
                receivedAt.plus(config.eventRecordTtl()));
        if (!HANDLED.contains(event.type())) {
            LOG.debugf("event %s: type %s is not handled", event.id(), event.type());
            return record(mark, null, DeliveryOutcome.IGNORED);
        }
        Optional<Payment> found = locator.locate(event);
        if (found.isEmpty()) {
            LOG.debugf("event %s (%s) on %s: no payment of ours", event.id(), event.type(), event.objectId());
            return record(mark, null, DeliveryOutcome.IGNORED);
        }
        Payment payment = found.get();
        TransitionCause cause = TransitionCause.webhook(event.id(), event.type());
        DeliveryOutcome outcome = switch (event.type()) {
            case SESSION_COMPLETED -> sessionCompleted(event, payment, cause, mark);
            case SESSION_ASYNC_SUCCEEDED -> complete(event, attachSession(event, payment), cause, mark);
            case SESSION_ASYNC_FAILED -> fail(attachSession(event, payment), ASYNC_FAILURE_REASON,
                    PaymentLocator.paymentIntentOf(event), cause, mark);
            case SESSION_EXPIRED -> sessionExpired(event, payment, cause, mark);
            case PAYMENT_FAILED -> fail(payment, Objects.requireNonNullElse(event.nested("last_payment_error", "message"),
                    DEFAULT_DECLINE_REASON), event.objectId(), cause, mark);
            case CHARGE_REFUNDED -> chargeRefunded(event, payment, cause, mark);
            case DISPUTE_CREATED -> disputeCreated(event, payment, cause, mark);
            default -> throw new IllegalStateException("unhandled type " + event.type());
        };
        LOG.infof("event %s (%s, api_version %s) on payment %s: %s", event.id(), event.type(), event.apiVersion(),
                payment.paymentId(), outcome.tag());
        return outcome;
    }

    private DeliveryOutcome sessionCompleted(StripeEvent event, Payment payment, TransitionCause cause, ProcessedEvent mark) {
        Payment withSession = attachSession(event, payment);
        String paymentStatus = event.field("payment_status");
        if ("paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus)) {
            return complete(event, withSession, cause, mark);
        }
        // "unpaid": a delayed payment method; the async_payment_* event will settle it. Keep the references now.
        payments.attachStripeReferences(payment.paymentId(), null, PaymentLocator.paymentIntentOf(event));
        return record(mark, payment.paymentId(), DeliveryOutcome.RECORDED);
    }

    private DeliveryOutcome complete(StripeEvent event, Payment payment, TransitionCause cause, ProcessedEvent mark) {
        return outcomeOf(payments.transition(payment.paymentId(), OPEN, COMPLETED, cause,
                completion(PaymentLocator.paymentIntentOf(event)), mark), mark);
    }

    private DeliveryOutcome fail(Payment payment, String reason, String paymentIntent, TransitionCause cause,
            ProcessedEvent mark) {
        PaymentChanges changes = PaymentChanges.NONE.withFailureReason(reason).withStripePaymentIntent(paymentIntent)
                .stampingWebhookProcessed();
        return outcomeOf(payments.transition(payment.paymentId(), OPEN, FAILED, cause, changes, mark), mark);
    }

    private DeliveryOutcome sessionExpired(StripeEvent event, Payment payment, TransitionCause cause, ProcessedEvent mark) {
        // A Payment Link outlives its sessions: an abandoned link session expires, the link (and payment) does not.
        // checkout-service expires link payments itself. Likewise a session that is not the payment's own.
        boolean linkSession = payment.kind() == PaymentKind.PAYMENT_LINK || event.reference("payment_link") != null;
        boolean otherSession = payment.stripeSessionId() != null && !payment.stripeSessionId().equals(event.objectId());
        if (linkSession || otherSession) {
            LOG.debugf("event %s: session %s expired, payment %s keeps its status", event.id(), event.objectId(),
                    payment.paymentId());
            return record(mark, payment.paymentId(), DeliveryOutcome.IGNORED);
        }
        return outcomeOf(payments.transition(payment.paymentId(), OPEN, EXPIRED, cause,
                PaymentChanges.NONE.stampingWebhookProcessed(), mark), mark);
    }

    /**
     * {@code amount_refunded} is cumulative, so the latest event carries the whole truth; an older one arriving late
     * never lowers the stored amount (computed inside the conditional write). A refund can reach us before the
     * completion event: a refunded charge was paid, so the completion is applied first (its own history entry), and
     * the completion event, when it comes, is recorded as not applied.
     */
    private DeliveryOutcome chargeRefunded(StripeEvent event, Payment payment, TransitionCause cause, ProcessedEvent mark) {
        long amount = event.number("amount", payment.amount());
        long refunded = event.number("amount_refunded", 0L);
        boolean wasPaid = event.flag("paid") || event.flag("captured") || "succeeded".equals(event.field("status"));
        Payment current = wasPaid ? completedBecause(event, payment) : payment;
        PaymentStatus target = refunded >= amount ? REFUNDED : PARTIALLY_REFUNDED;
        // Nothing new in an older partial refund: record it as not applied rather than as an empty change.
        Set<PaymentStatus> from = current.status() == PARTIALLY_REFUNDED && current.refundedAmount() >= refunded
                ? EnumSet.of(COMPLETED) : PAID_NOT_FINAL;
        String paymentIntent = PaymentLocator.paymentIntentOf(event);
        return outcomeOf(payments.transitionWith(payment.paymentId(), from, target, cause,
                stored -> PaymentChanges.NONE.withRefundedAmount(Math.max(stored.refundedAmount(), refunded))
                        .withStripePaymentIntent(paymentIntent).stampingWebhookProcessed(), mark), mark);
    }

    /** A dispute exists only on a paid charge: an earlier missing completion is applied first, as for refunds. */
    private DeliveryOutcome disputeCreated(StripeEvent event, Payment payment, TransitionCause cause, ProcessedEvent mark) {
        completedBecause(event, payment);
        return outcomeOf(payments.transition(payment.paymentId(), PAID_NOT_FINAL, DISPUTED, cause,
                PaymentChanges.NONE.stampingWebhookProcessed(), mark), mark);
    }

    /**
     * Applies the completion implied by a refund or dispute to a payment still open. Without the event record: the
     * record goes with the event's own change, so a crash between the two is repaired by the redelivery.
     */
    private Payment completedBecause(StripeEvent event, Payment payment) {
        if (!payment.status().isOpen()) {
            return payment;
        }
        TransitionCause implied = TransitionCause.webhook(event.id(), event.type() + " (implies completed)");
        TransitionResult r = payments.transition(payment.paymentId(), OPEN, COMPLETED, implied,
                completion(PaymentLocator.paymentIntentOf(event)), null);
        return r.applied() ? r.payment() : payments.find(payment.paymentId()).orElse(payment);
    }

    /** A Payment Link payment learns its session from the webhook (for the success page and later lookups). */
    private Payment attachSession(StripeEvent event, Payment payment) {
        if (payment.stripeSessionId() != null || !"checkout.session".equals(event.objectType())) {
            return payment;
        }
        return payments.attachStripeReferences(payment.paymentId(), event.objectId(), null).orElse(payment);
    }

    private static PaymentChanges completion(String paymentIntent) {
        return PaymentChanges.NONE.clearingFailureReason().withStripePaymentIntent(paymentIntent).stampingWebhookProcessed();
    }

    private DeliveryOutcome outcomeOf(TransitionResult result, ProcessedEvent mark) {
        return switch (result.outcome()) {
            case APPLIED -> DeliveryOutcome.APPLIED;
            case NOT_ALLOWED -> DeliveryOutcome.STALE;
            case DUPLICATE_EVENT -> DeliveryOutcome.DUPLICATE;
            // Deleted between lookup and write (never in practice): nothing of ours to change.
            case NOT_FOUND -> record(mark, null, DeliveryOutcome.IGNORED);
        };
    }

    /** Records a delivery that changed no status; if another delivery of it recorded first, it is a duplicate. */
    private DeliveryOutcome record(ProcessedEvent mark, String paymentId, DeliveryOutcome outcome) {
        ProcessedEvent record = new ProcessedEvent(mark.eventId(), mark.type(), mark.stripeObjectId(), paymentId,
                outcome.tag(), mark.receivedAt(), mark.expiresAt());
        return events.markProcessed(record) ? outcome : DeliveryOutcome.DUPLICATE;
    }
}
