package com.insurepay.checkout.service;

import com.insurepay.common.payment.Payment;

/**
 * A request that cannot be served, with the problem body the caller gets (RFC 9457, see docs/checkout-api.md).
 * {@code detail} is one sentence an assistant can repeat; it never carries Stripe or AWS internals.
 */
public class CheckoutProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final String paymentId;
    private final String paymentStatus;

    public CheckoutProblem(int status, String code, String detail, String field, String paymentId, String paymentStatus) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
        this.paymentId = paymentId;
        this.paymentStatus = paymentStatus;
    }

    public static CheckoutProblem validation(String field, String detail) {
        return new CheckoutProblem(400, "validation_error", detail, field, null, null);
    }

    public static CheckoutProblem notFound(String detail) {
        return new CheckoutProblem(404, "not_found", detail, null, null, null);
    }

    public static CheckoutProblem invalidStatus(Payment payment, String detail) {
        return new CheckoutProblem(409, "invalid_status", detail, null, payment.paymentId(), payment.status().wireName());
    }

    public static CheckoutProblem of(int status, String code, String detail, Payment payment) {
        return new CheckoutProblem(status, code, detail, null, payment == null ? null : payment.paymentId(),
                payment == null ? null : payment.status().wireName());
    }

    public static CheckoutProblem storageUnavailable() {
        return new CheckoutProblem(503, "storage_unavailable",
                "The payment store is unavailable right now; nothing was charged. Please try again in a moment.",
                null, null, null);
    }

    public static CheckoutProblem mailUnavailable() {
        return new CheckoutProblem(503, "mail_unavailable",
                "The e-mail could not be sent because the mail server is unavailable; nothing was recorded as sent. Please try again later.",
                null, null, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public String field() {
        return field;
    }

    public String paymentId() {
        return paymentId;
    }

    public String paymentStatus() {
        return paymentStatus;
    }
}
