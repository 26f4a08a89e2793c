package com.insurepay.checkout.service;

import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.store.InvalidCursorException;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.store.StoredPayment;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reading payments: one by id (with its history), a user's list. Everything a caller reads is scoped by its tenant:
 * another tenant's payment is "not found", exactly like a payment that does not exist. The unscoped reads are for
 * the service's own follow-ups (a payment it has just written, reconciliation, automatic policies).
 */
@ApplicationScoped
public class PaymentLookup {

    private final PaymentRepository payments;
    private final PaymentQueries queries;

    public PaymentLookup(PaymentRepository payments, PaymentQueries queries) {
        this.payments = payments;
        this.queries = queries;
    }

    /** The caller's payment with its history; 404 when missing or another tenant's. */
    public StoredPayment get(String tenant, String paymentId) {
        StoredPayment stored = get(paymentId);
        if (!tenant.equals(stored.payment().tenant())) {
            throw notFound(paymentId);
        }
        return stored;
    }

    /** The caller's payment; 404 when missing or another tenant's. */
    public Payment require(String tenant, String paymentId) {
        return payments.find(paymentId).filter(p -> tenant.equals(p.tenant())).orElseThrow(() -> notFound(paymentId));
    }

    public StoredPayment get(String paymentId) {
        return payments.findStored(paymentId).orElseThrow(() -> notFound(paymentId));
    }

    public Payment require(String paymentId) {
        return payments.find(paymentId).orElseThrow(() -> notFound(paymentId));
    }

    public Page<Payment> listByUser(String tenant, String userId, int limit, String cursor) {
        try {
            return queries.findByUser(tenant, userId, limit, cursor);
        } catch (InvalidCursorException e) {
            throw CheckoutProblem.validation("cursor", e.getMessage() + ".");
        }
    }

    static CheckoutProblem notFound(String paymentId) {
        return CheckoutProblem.notFound("No payment " + paymentId + " exists.");
    }

    static CheckoutProblem providerProblem(PaymentProviderException e, String paymentId) {
        return new CheckoutProblem(e.unavailable() ? 503 : 502,
                e.unavailable() ? "payment_provider_unavailable" : "payment_provider_error", e.getMessage(), null, paymentId,
                null);
    }
}
