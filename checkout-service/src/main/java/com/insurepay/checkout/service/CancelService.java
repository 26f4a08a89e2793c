package com.insurepay.checkout.service;

import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.StoredPayment;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Change of mind: only an open payment can be cancelled, and it is closed at Stripe first so it cannot be paid after. */
@ApplicationScoped
public class CancelService {

    private static final Logger LOG = Logger.getLogger(CancelService.class);

    private final PaymentLookup lookup;
    private final PaymentCloser closer;

    public CancelService(PaymentLookup lookup, PaymentCloser closer) {
        this.lookup = lookup;
        this.closer = closer;
    }

    /** The caller's cancel: another tenant's payment is not found. */
    public StoredPayment cancel(String tenant, String paymentId, String reason, String actor) {
        return cancel(lookup.require(tenant, paymentId), reason, actor);
    }

    /** Cancels a payment the service already holds (a superseded checkout of the same tenant's quote). */
    public StoredPayment cancel(Payment payment, String reason, String actor) {
        String paymentId = payment.paymentId();
        if (!payment.status().isOpen()) {
            throw CheckoutProblem.invalidStatus(payment, "Payment " + paymentId + " is " + payment.status().wireName()
                    + " and can no longer be cancelled; only pending or failed payments can.");
        }
        TransitionCause cause = CallTrace.api(reason == null ? "cancel_payment" : "cancel_payment: " + reason, actor);
        PaymentCloser.Closed closed;
        try {
            closed = closer.close(payment, PaymentStatus.CANCELLED, cause);
        } catch (PaymentProviderException e) {
            throw PaymentLookup.providerProblem(e, paymentId);
        }
        Payment now = closed.result().payment() == null ? payment : closed.result().payment();
        if (closed.paid()) {
            throw CheckoutProblem.invalidStatus(now, "Payment " + paymentId
                    + " has just been paid, so it cannot be cancelled; refund it instead if the customer changed their mind.");
        }
        if (!closed.result().applied()) {
            throw CheckoutProblem.invalidStatus(now, "Payment " + paymentId + " is " + now.status().wireName()
                    + " and can no longer be cancelled.");
        }
        LOG.infof("Payment %s cancelled", paymentId);
        return lookup.get(paymentId);
    }
}
