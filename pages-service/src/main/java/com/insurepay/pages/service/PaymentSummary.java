package com.insurepay.pages.service;

import com.insurepay.common.payment.PaymentStatus;
import io.quarkus.qute.TemplateData;

/**
 * What the customer may see about their own payment: formatted for display, e-mail masked, no Stripe ids other
 * than the session id they already hold in their URL. Absent values are null.
 */
@TemplateData
public record PaymentSummary(
        String sessionId,
        PaymentStatus status,
        String statusLabel,
        String productName,
        String amount,
        String reference,
        String maskedEmail,
        String paidOn,
        String refundedAmount,
        String policyNumber,
        String checkoutExpiresOn) {

    public PaymentSummary withStatusLabel(String label) {
        return new PaymentSummary(sessionId, status, label, productName, amount, reference, maskedEmail, paidOn,
                refundedAmount, policyNumber, checkoutExpiresOn);
    }

    public String state() {
        return status.wireName();
    }

    public boolean isCompleted() {
        return status == PaymentStatus.COMPLETED;
    }

    public boolean isPaid() {
        return status.isPaid();
    }

}
