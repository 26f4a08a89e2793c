package com.insurepay.checkout.service;

import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.store.InvalidCursorException;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.store.StoredPayment;
import jakarta.enterprise.context.ApplicationScoped;

/** Reading payments: one by id (with its history), a user's list. */
@ApplicationScoped
public class PaymentLookup {

    private final PaymentRepository payments;
    private final PaymentQueries queries;

    public PaymentLookup(PaymentRepository payments, PaymentQueries queries) {
        this.payments = payments;
        this.queries = queries;
    }

    public StoredPayment get(String paymentId) {
        return payments.findStored(paymentId).orElseThrow(() -> notFound(paymentId));
    }

    public Payment require(String paymentId) {
        return payments.find(paymentId).orElseThrow(() -> notFound(paymentId));
    }

    public Page<Payment> listByUser(String userId, int limit, String cursor) {
        try {
            return queries.findByUser(userId, limit, cursor);
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
