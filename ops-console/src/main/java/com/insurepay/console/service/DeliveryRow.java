package com.insurepay.console.service;

import io.quarkus.qute.TemplateData;

/** One webhook delivery of the log, with the payment it concerned (shown only when it is the tenant's). */
@TemplateData
public record DeliveryRow(String eventId, String type, String stripeObjectId, String paymentId, String outcome, String receivedAt,
        String receivedAtIso) {
}
