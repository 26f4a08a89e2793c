package com.insurepay.checkout.service;

import com.insurepay.checkout.stripe.StripeRecords.SessionState;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What Stripe says about a Checkout Session, applied to our payment when checkout-service asks Stripe itself
 * (cancel, a stale payment link, reconciliation). The session is the evidence, checked by the same rule and in the
 * same conditional write as a webhook's: its ids, amount and currency must be the payment's.
 */
@ApplicationScoped
public class SessionOutcomes {

    private final PaymentRepository payments;

    public SessionOutcomes(PaymentRepository payments) {
        this.payments = payments;
    }

    /** Paid: completed, or paid_after_close when we had closed the payment already. */
    public TransitionResult applyPaid(String paymentId, SessionState session, TransitionCause cause) {
        PaymentChanges paid = PaymentChanges.paid(session.paymentIntent()).withStripeSession(session.id());
        Transition completion = Transition.to(PaymentStatus.COMPLETED, cause).with(paid).provenBy(session.evidence())
                .otherwise(Transition.to(PaymentStatus.PAID_AFTER_CLOSE, cause).with(paid).provenBy(session.evidence()));
        return payments.apply(paymentId, completion);
    }

    public TransitionResult applyExpired(String paymentId, SessionState session, TransitionCause cause) {
        return payments.apply(paymentId, Transition.to(PaymentStatus.EXPIRED, cause).provenBy(session.evidence()));
    }
}
