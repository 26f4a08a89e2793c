package com.insurepay.checkout.service;

import com.insurepay.checkout.store.PaymentLinkRecord;
import com.insurepay.checkout.store.PaymentLinkRepository;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.stripe.StripeRecords.ExpireOutcome;
import com.insurepay.checkout.stripe.StripeRecords.SessionState;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Closes an open payment (cancel, a payment link's end, reconciliation): first makes sure nobody can pay it at
 * Stripe any more — its session expired, or its Payment Link deactivated AND every session already opened from the
 * link expired (deactivating a link stops new sessions only) — then records the closing status. If Stripe shows it
 * was paid meanwhile, that is recorded instead: the payment completes. Money that still arrives after the close (an
 * asynchronous payment method settling late) becomes paid_after_close and is given back.
 */
@ApplicationScoped
public class PaymentCloser {

    public static final String INACTIVE_MESSAGE = "This payment link has expired. Please ask us for a new one.";

    private final StripeGateway stripe;
    private final PaymentRepository payments;
    private final PaymentLinkRepository links;
    private final SessionOutcomes outcomes;

    public PaymentCloser(StripeGateway stripe, PaymentRepository payments, PaymentLinkRepository links, SessionOutcomes outcomes) {
        this.stripe = stripe;
        this.payments = payments;
        this.links = links;
        this.outcomes = outcomes;
    }

    /** The closing, or the payment Stripe showed paid (then {@code paid} is true and nothing was closed). */
    public record Closed(TransitionResult result, boolean paid) {
    }

    /**
     * @param target {@link PaymentStatus#CANCELLED} or {@link PaymentStatus#EXPIRED}
     * @throws com.insurepay.checkout.stripe.PaymentProviderException when Stripe cannot be reached (nothing recorded)
     */
    public Closed close(Payment payment, PaymentStatus target, TransitionCause cause) {
        Optional<SessionState> paid = closeAtStripe(payment);
        if (paid.isPresent()) {
            return new Closed(outcomes.applyPaid(payment.paymentId(), paid.get(),
                    cause.withDetail(cause.detail() + ": found paid at Stripe")), true);
        }
        links.find(payment.tenant(), payment.quoteId()).filter(r -> payment.paymentId().equals(r.paymentId()) && r.active())
                .ifPresent(r -> links.save(r.inactive()));
        return new Closed(payments.apply(payment.paymentId(), Transition.to(target, cause)), false);
    }

    /** Makes the payment unpayable at Stripe; a session found paid is returned. */
    private Optional<SessionState> closeAtStripe(Payment payment) {
        if (payment.paymentLinkId() != null) {
            stripe.deactivatePaymentLink(payment.paymentLinkId(), INACTIVE_MESSAGE);
            return stripe.expireOpenSessionsOf(payment.paymentLinkId()).stream().filter(SessionState::paid).findFirst();
        }
        if (payment.stripeSessionId() != null
                && stripe.expireSession(payment.stripeSessionId(), payment.paymentId()) == ExpireOutcome.NOT_OPEN) {
            SessionState session = stripe.retrieveSession(payment.stripeSessionId());
            return session.paid() ? Optional.of(session) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A record marked inactive without closing its payment (the payment is already closed). */
    public void markInactive(PaymentLinkRecord record) {
        if (record.active()) {
            links.save(record.inactive());
        }
    }
}
