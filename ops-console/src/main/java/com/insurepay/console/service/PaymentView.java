package com.insurepay.console.service;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** Everything the payment page shows, formatted. The customer's e-mail is masked. */
@TemplateData
public record PaymentView(String paymentId, String tenant, String status, String statusLabel, String kind, String amount,
        String refunded, String refundable, String product, String email, String userId, String quoteId, String createdAt,
        String updatedAt, String expiresAt, String paidAt, String stripeSession, String stripePaymentIntent, String paymentLink,
        String failureReason, String dispute, String policyNumber, String policyStatus, String policyIssuedAt, String policyIssuedBy,
        List<TimelineEntry> timeline, List<StripeEventRow> stripeEvents, List<RefundRow> refunds, List<String> mailNotes) {
}
