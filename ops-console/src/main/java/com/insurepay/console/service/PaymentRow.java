package com.insurepay.console.service;

import com.insurepay.common.payment.Payment;
import io.quarkus.qute.TemplateData;

/** One payment as a line of a result table. */
@TemplateData
public record PaymentRow(String paymentId, String createdAt, String createdAtIso, String status, String statusLabel, String amount,
        String product, String userId, String quoteId, String kind, String policyNumber) {

    static PaymentRow of(Payment p) {
        return new PaymentRow(p.paymentId(), Display.time(p.createdAt()), Display.isoTime(p.createdAt()), p.status().wireName(),
                Display.words(p.status().wireName()), Display.money(p.amount(), p.currency()), Display.orDash(p.productName()),
                p.userId(), p.quoteId(), Display.words(p.kind().wireName()), Display.orDash(p.policyNumber()));
    }
}
