package com.insurepay.checkout.service;

import com.insurepay.checkout.store.RefundLedger;
import com.insurepay.checkout.store.RefundLedger.AlreadyRequested;
import com.insurepay.checkout.store.RefundLedger.Balance;
import com.insurepay.checkout.store.RefundLedger.RefundRecord;
import com.insurepay.checkout.store.RefundLedger.Reservation;
import com.insurepay.checkout.store.RefundLedger.Reserved;
import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.stripe.StripeRecords.RefundResult;
import com.insurepay.checkout.stripe.StripeRecords.SessionState;
import com.insurepay.common.metrics.PaymentMetrics;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Refunds: never more than remains, once per request. The amount is reserved in DynamoDB before Stripe is called
 * (see {@link RefundLedger}); afterwards {@code refunded_amount} is set to Stripe's own total for the charge, the
 * same number webhook-service takes from {@code charge.refunded}, and only ever raised, so both writers converge.
 */
@ApplicationScoped
public class RefundService {

    /** The problem code of a refund whose Idempotency-Key another request is still working on. */
    public static final String REFUND_IN_PROGRESS = "refund_in_progress";

    private static final Logger LOG = Logger.getLogger(RefundService.class);
    public static final List<String> REASONS = List.of("requested_by_customer", "duplicate", "fraudulent");
    /** A reservation older than this without an answer is a crashed attempt: its retry may resume it. */
    private static final Duration RESUME_AFTER = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 10;
    /** Far above any Stripe call with its retries: a keyless hold this old belongs to a request that died. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final PaymentRepository payments;
    private final RefundLedger ledger;
    private final StripeGateway stripe;
    private final PaymentLookup lookup;
    private final Clock clock;

    /** insurepay_refunds_total / insurepay_refunds_amount_total (field-injected: the constructor stays as it is). */
    @Inject
    PaymentMetrics paymentMetrics;

    public RefundService(PaymentRepository payments, RefundLedger ledger, StripeGateway stripe, PaymentLookup lookup, Clock clock) {
        this.payments = payments;
        this.ledger = ledger;
        this.stripe = stripe;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** {@code made}: this call made the refund at Stripe (false when it returned an earlier request's result). */
    public record RefundOutcome(RefundRecord refund, Payment payment, boolean made) {
    }

    /** The caller's refund: another tenant's payment is not found (and nothing is reserved). */
    public RefundOutcome refund(String tenant, String paymentId, Long requestedAmount, String reason, String idempotencyKey,
            String actor) {
        lookup.require(tenant, paymentId);
        return refund(paymentId, requestedAmount, reason, idempotencyKey, actor);
    }

    /**
     * @param idempotencyKey the caller's key: a retry with it refunds once; null makes every request a new refund
     * @param actor who asked (recorded on the request and in the payment's history)
     */
    public RefundOutcome refund(String paymentId, Long requestedAmount, String reason, String idempotencyKey, String actor) {
        if (requestedAmount != null && requestedAmount <= 0) {
            throw CheckoutProblem.validation("amount", "amount must be a positive integer in minor units.");
        }
        Payment payment = lookup.require(paymentId);
        // Without a key from the caller each request is a new refund; with one, a retry refunds once.
        String requestKey = idempotencyKey == null ? RefundLedger.GENERATED_KEY_PREFIX + UUID.randomUUID() : "key-" + idempotencyKey;
        int released = ledger.releaseAbandoned(paymentId, clock.instant().minus(ABANDONED_AFTER));
        if (released > 0) {
            LOG.warnf("Released %d abandoned refund hold(s) on payment %s", released, paymentId);
        }

        RefundRecord record = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && record == null; attempt++) {
            var existing = ledger.find(paymentId, requestKey);
            if (existing.isPresent()) {
                RefundRecord r = existing.get();
                if (RefundLedger.SUCCEEDED.equals(r.state())) {
                    return new RefundOutcome(r, lookup.require(paymentId), false);
                }
                if (r.createdAt().plus(RESUME_AFTER).isAfter(clock.instant())) {
                    throw CheckoutProblem.of(409, REFUND_IN_PROGRESS,
                            "A refund with this Idempotency-Key is already in progress for payment "
                                    + paymentId + "; retry in a minute to get its result.",
                            payment);
                }
                record = r;
                break;
            }
            Balance balance = ledger.balance(paymentId);
            payment = lookup.require(paymentId);
            checkRefundable(payment, balance);
            long amount = requestedAmount == null ? balance.remaining() : requestedAmount;
            if (amount == 0) {
                throw CheckoutProblem.of(409, "nothing_to_refund", "Nothing remains to refund on payment " + paymentId
                        + ": other refunds hold the rest of it.", payment);
            }
            if (amount > balance.remaining()) {
                throw new CheckoutProblem(400, "refund_exceeds_remaining",
                        "The refund of " + payment.money().minus(payment.amount() - amount).format()
                                + " is more than what remains refundable on payment " + paymentId + " ("
                                + payment.money().minus(payment.amount() - balance.remaining()).format() + ").",
                        "amount", paymentId,
                        payment.status().wireName());
            }
            Reservation reservation = ledger.reserve(paymentId, requestKey, amount, reason, balance, actor, CallTrace.current());
            if (reservation instanceof Reserved reserved) {
                record = reserved.record();
            } else if (reservation instanceof AlreadyRequested) {
                continue;
            }
        }
        if (record == null) {
            throw new IllegalStateException("refund of " + paymentId + " kept conflicting");
        }
        return callStripe(payment, record);
    }

    private RefundOutcome callStripe(Payment payment, RefundRecord record) {
        String paymentId = payment.paymentId();
        RefundResult refund;
        String stripePaymentIntent;
        try {
            stripePaymentIntent = stripePaymentIntentOf(payment);
            refund = stripe.createRefund(stripePaymentIntent, record.amount(), record.reason(), paymentId,
                    "refund-" + paymentId + "-" + record.requestKey());
        } catch (PaymentProviderException e) {
            ledger.cancel(record);
            throw PaymentLookup.providerProblem(e, paymentId);
        } catch (RuntimeException e) {
            ledger.cancel(record);
            throw e;
        }
        LOG.infof("Refund %s of %d made for payment %s", refund.id(), refund.amount(), paymentId);
        paymentMetrics.refunded(payment, refund.amount());

        Payment current = lookup.require(paymentId);
        long stripeTotal;
        try {
            stripeTotal = stripe.amountRefundedOnCharge(refund.charge()).orElse(current.refundedAmount() + record.amount());
        } catch (PaymentProviderException e) {
            stripeTotal = current.refundedAmount() + record.amount();
        }
        long refunded = Math.min(current.amount(), Math.max(current.refundedAmount(), stripeTotal));
        if (refunded > current.refundedAmount()) {
            // The write only raises the stored total: whoever (this request, a racing one, or webhook-service's
            // charge.refunded) wrote a higher one first, the lower one changes nothing.
            PaymentStatus target = refunded >= current.amount() ? PaymentStatus.REFUNDED
                    : current.status() == PaymentStatus.PAID_AFTER_CLOSE ? PaymentStatus.PAID_AFTER_CLOSE
                            : PaymentStatus.PARTIALLY_REFUNDED;
            PaymentChanges changes = PaymentChanges.NONE.withRefundedAmount(refunded);
            if (current.stripePaymentIntent() == null) {
                changes = changes.withStripePaymentIntent(stripePaymentIntent);
            }
            payments.apply(paymentId, Transition.to(target, TransitionCause.api("refund " + refund.id()).by(record.actor())
                    .traced(record.requestId(), record.conversationId()))
                    .with(changes));
        }
        RefundRecord done = ledger.complete(record, refund.id(), refund.status());
        return new RefundOutcome(done, lookup.require(paymentId), true);
    }

    private void checkRefundable(Payment payment, Balance balance) {
        if (payment.status() == PaymentStatus.REFUNDED
                || (payment.status().isRefundable() && balance.remaining() == 0 && balance.reserved() == 0)) {
            throw CheckoutProblem.of(409, "nothing_to_refund", "Payment " + payment.paymentId()
                    + " is already fully refunded; nothing remains to refund.", payment);
        }
        if (!payment.status().isRefundable()) {
            throw CheckoutProblem.invalidStatus(payment, "Payment " + payment.paymentId() + " is " + payment.status().wireName()
                    + "; only completed, partially refunded or paid-after-close payments can be refunded.");
        }
    }

    /** Stripe refunds a PaymentIntent; webhooks usually told us which one, otherwise the session does. */
    private String stripePaymentIntentOf(Payment payment) {
        if (payment.stripePaymentIntent() != null) {
            return payment.stripePaymentIntent();
        }
        if (payment.stripeSessionId() != null) {
            String pi = stripe.retrieveSession(payment.stripeSessionId()).paymentIntent();
            if (pi != null) {
                return pi;
            }
        }
        if (payment.kind() == PaymentKind.PAYMENT_LINK && payment.paymentLinkId() != null) {
            return stripe.sessionsOfPaymentLink(payment.paymentLinkId()).stream().filter(SessionState::paid)
                    .map(SessionState::paymentIntent).filter(java.util.Objects::nonNull).findFirst()
                    .orElseThrow(() -> new PaymentProviderException(false, "The paid session of payment " + payment.paymentId()
                            + " could not be found at the payment provider.", null, null));
        }
        throw new PaymentProviderException(false, "The payment provider has no charge for payment " + payment.paymentId() + ".", null,
                null);
    }
}
