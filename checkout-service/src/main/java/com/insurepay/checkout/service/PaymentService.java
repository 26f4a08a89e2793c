package com.insurepay.checkout.service;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.stripe.StripeRecords.CheckoutSessionRef;
import com.insurepay.checkout.stripe.StripeRecords.ExpireOutcome;
import com.insurepay.checkout.stripe.StripeRecords.SessionState;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.store.InvalidCursorException;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** Buy now: initiate, read, list and cancel purchases. */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);
    private static final int QUOTE_SCAN = 50;
    /** Longer than a Stripe call with its retries takes. */
    private static final java.time.Duration LEASE = java.time.Duration.ofSeconds(60);

    @Inject
    com.insurepay.checkout.store.QuoteLock quoteLock;

    @Inject
    PaymentRepository payments;

    @Inject
    StripeGateway stripe;

    @Inject
    CheckoutSettings settings;

    @Inject
    PaymentLinkService links;

    @Inject
    Clock clock;

    public record InitiatePurchase(String userId, String quoteId, Money money, String productName, String customerEmail) {
    }

    public record Initiated(Payment payment, List<HistoryEntry> history, boolean created) {
    }

    public record PaymentDetails(Payment payment, List<HistoryEntry> history) {
    }

    public Initiated initiate(InitiatePurchase cmd) {
        String holder = java.util.UUID.randomUUID().toString();
        // Two simultaneous initiates of one quote: the second waits for the first's checkout and returns it.
        for (int attempt = 0; !quoteLock.tryAcquire(cmd.quoteId(), holder, LEASE); attempt++) {
            if (attempt >= 50) {
                throw CheckoutProblem.of(409, "checkout_in_progress", "A checkout for this quote is being created right now; please retry in a few seconds.", null);
            }
            sleep(100);
        }
        try {
            return initiateHoldingLease(cmd);
        } finally {
            quoteLock.release(cmd.quoteId(), holder);
        }
    }

    private Initiated initiateHoldingLease(InitiatePurchase cmd) {
        List<Payment> ofQuote = payments.findByQuote(cmd.quoteId(), QUOTE_SCAN, null).items();
        rejectIfPaid(ofQuote);
        Instant now = clock.instant();
        Optional<Payment> live = ofQuote.stream()
                .filter(p -> p.kind() == PaymentKind.CHECKOUT && p.status().isOpen() && p.checkoutUrl() != null
                        && p.expiresAt() != null && p.expiresAt().isAfter(now)
                        && p.amount() == cmd.money().amount() && p.currency().equals(cmd.money().currency()))
                .findFirst();
        if (live.isPresent()) {
            LOG.infof("Quote's live checkout %s returned again", live.get().paymentId());
            return new Initiated(live.get(), payments.history(live.get().paymentId()), false);
        }

        supersedeOpenPayments(cmd.quoteId(), ofQuote, EnumSet.allOf(PaymentKind.class), "a new checkout");

        // Expiry is known before the payment is written, so the open-payments index serves reconciliation from the start.
        Instant expiresAt = now.plus(settings.sessionTtl());
        Payment pending = withExpiry(Payment.newPending(Ids.newPaymentId(now), cmd.userId(), cmd.quoteId(), cmd.money(),
                cmd.productName(), cmd.customerEmail(), PaymentKind.CHECKOUT, now), expiresAt);
        payments.create(pending, TransitionCause.api("initiate_purchase"));
        LOG.infof("Payment %s created pending for its Checkout Session", pending.paymentId());

        CheckoutSessionRef session;
        try {
            session = stripe.createCheckoutSession(pending, expiresAt, settings.successUrl(), settings.cancelUrl());
        } catch (PaymentProviderException e) {
            markFailed(pending, e);
            throw providerProblem(e, pending.paymentId());
        }
        Payment attached = payments.attachCheckoutSession(pending.paymentId(), session.id(), session.url(),
                session.expiresAt(), null);
        return new Initiated(attached, payments.history(attached.paymentId()), true);
    }

    /**
     * A quote has one way to pay at a time. A checkout or link still open for it (another price, or a session past
     * its expiry that Stripe has not closed yet) is closed at Stripe and cancelled first, so the customer can never
     * pay the same quote twice. If one of them turns out to be paid already, the quote is paid: 409.
     */
    void supersedeOpenPayments(String quoteId, List<Payment> ofQuote, Set<PaymentKind> kinds, String replacement) {
        for (Payment open : ofQuote) {
            if (!open.status().isOpen() || !kinds.contains(open.kind())) {
                continue;
            }
            try {
                cancel(open.paymentId(), "superseded by " + replacement + " for the quote");
                LOG.infof("Payment %s superseded by %s for its quote", open.paymentId(), replacement);
            } catch (CheckoutProblem e) {
                rejectIfPaid(payments.findByQuote(quoteId, QUOTE_SCAN, null).items());
                if (e.status() != 409) {
                    throw e;
                }
                // Closed meanwhile (expired or cancelled by someone else): nothing left to supersede.
            }
        }
    }

    public PaymentDetails get(String paymentId) {
        Payment payment = require(paymentId);
        return new PaymentDetails(payment, payments.history(paymentId));
    }

    public Page<Payment> listByUser(String userId, int limit, String cursor) {
        try {
            return payments.findByUser(userId, limit, cursor);
        } catch (InvalidCursorException e) {
            throw CheckoutProblem.validation("cursor", e.getMessage() + ".");
        }
    }

    /** Only an open payment can be cancelled; its Stripe session (or link) is closed first so it cannot be paid after. */
    public PaymentDetails cancel(String paymentId, String reason) {
        Payment payment = require(paymentId);
        if (!payment.status().isOpen()) {
            throw CheckoutProblem.invalidStatus(payment, "Payment " + paymentId + " is " + payment.status().wireName()
                    + " and can no longer be cancelled; only pending or failed payments can.");
        }
        String detail = reason == null ? "cancel_payment" : "cancel_payment: " + reason;
        try {
            if (payment.kind() == PaymentKind.PAYMENT_LINK && payment.paymentLinkId() != null) {
                Optional<SessionState> paid = stripe.sessionsOfPaymentLink(payment.paymentLinkId()).stream()
                        .filter(SessionState::paid).findFirst();
                if (paid.isPresent()) {
                    throw paidMeanwhile(applyPaid(payment, paid.get(), TransitionCause.api("cancel found it paid")));
                }
                stripe.deactivatePaymentLink(payment.paymentLinkId(), PaymentLinkService.INACTIVE_MESSAGE);
                links.markInactive(payment);
            } else if (payment.stripeSessionId() != null) {
                ExpireOutcome outcome = stripe.expireSession(payment.stripeSessionId(), paymentId);
                if (outcome == ExpireOutcome.NOT_OPEN) {
                    SessionState state = stripe.retrieveSession(payment.stripeSessionId());
                    if (state.paid()) {
                        throw paidMeanwhile(applyPaid(payment, state, TransitionCause.api("cancel found it paid")));
                    }
                }
            }
        } catch (PaymentProviderException e) {
            throw providerProblem(e, paymentId);
        }
        TransitionResult result = payments.transition(paymentId, EnumSet.of(PaymentStatus.PENDING, PaymentStatus.FAILED),
                PaymentStatus.CANCELLED, TransitionCause.api(detail), PaymentChanges.NONE, null);
        if (!result.applied()) {
            Payment now = result.payment() == null ? payment : result.payment();
            throw CheckoutProblem.invalidStatus(now, "Payment " + paymentId + " is " + now.status().wireName()
                    + " and can no longer be cancelled.");
        }
        LOG.infof("Payment %s cancelled", paymentId);
        return new PaymentDetails(result.payment(), payments.history(paymentId));
    }

    /** Applies "Stripe says it is paid" through the state machine (also used by reconciliation). */
    Payment applyPaid(Payment payment, SessionState session, TransitionCause cause) {
        PaymentChanges changes = PaymentChanges.NONE.clearingFailureReason();
        if (session.paymentIntent() != null) {
            changes = changes.withStripePaymentIntent(session.paymentIntent());
        }
        TransitionResult r = payments.transition(payment.paymentId(), EnumSet.of(PaymentStatus.PENDING, PaymentStatus.FAILED),
                PaymentStatus.COMPLETED, cause, changes, null);
        return r.payment() == null ? payment : r.payment();
    }

    private CheckoutProblem paidMeanwhile(Payment payment) {
        return CheckoutProblem.invalidStatus(payment, "Payment " + payment.paymentId()
                + " has just been paid, so it cannot be cancelled; refund it instead if the customer changed their mind.");
    }

    public Payment require(String paymentId) {
        return payments.find(paymentId).orElseThrow(() -> CheckoutProblem.notFound("No payment " + paymentId + " exists."));
    }

    void rejectIfPaid(List<Payment> ofQuote) {
        ofQuote.stream().filter(p -> p.status().isPaid()).findFirst().ifPresent(paid -> {
            String policy = paid.policyNumber() == null ? "" : " (policy " + paid.policyNumber() + ")";
            throw CheckoutProblem.of(409, "quote_already_paid", "This quote is already paid: payment " + paid.paymentId()
                    + " is " + paid.status().wireName() + policy + ".", paid);
        });
    }

    private void markFailed(Payment pending, PaymentProviderException e) {
        try {
            payments.transition(pending.paymentId(), EnumSet.of(PaymentStatus.PENDING), PaymentStatus.FAILED,
                    TransitionCause.api("checkout session could not be created"),
                    PaymentChanges.NONE.withFailureReason(e.unavailable() ? "payment_provider_unavailable" : "payment_provider_error"),
                    null);
        } catch (RuntimeException storage) {
            // Still open with an expiry: reconciliation will close it.
            LOG.errorf("Payment %s could not be marked failed: %s", pending.paymentId(), storage.getMessage());
        }
    }

    static CheckoutProblem providerProblem(PaymentProviderException e, String paymentId) {
        return new CheckoutProblem(e.unavailable() ? 503 : 502,
                e.unavailable() ? "payment_provider_unavailable" : "payment_provider_error", e.getMessage(), null, paymentId,
                null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Payment withExpiry(Payment p, Instant expiresAt) {
        return new Payment(p.paymentId(), p.userId(), p.quoteId(), p.amount(), p.currency(), p.productName(),
                p.customerEmail(), p.status(), p.kind(), p.stripeSessionId(), p.stripePaymentIntent(), p.checkoutUrl(),
                expiresAt, p.paymentLinkId(), p.failureReason(), p.refundedAmount(), p.policyId(), p.policyNumber(),
                p.createdAt(), p.updatedAt(), p.webhookProcessedAt(), p.version());
    }
}
