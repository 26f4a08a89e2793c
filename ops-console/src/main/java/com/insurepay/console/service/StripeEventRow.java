package com.insurepay.console.service;

import io.quarkus.qute.TemplateData;

/** A Stripe event marked on the payment, with what the delivery log says of it (kept 30 days) when it still has it. */
@TemplateData
public record StripeEventRow(String eventId, String type, String outcome, String receivedAt, String receivedAtIso, boolean logged) {
}
