package com.insurepay.console.service;

import io.quarkus.qute.TemplateData;
import java.time.Instant;

/**
 * One line of a payment's timeline, whatever recorded it: a history entry (applied or refused), a refund request,
 * the policy, an e-mail. {@code kind} is a word for the CSS class and the screen reader ("status", "refused",
 * "refund", "policy", "email", "email-failed").
 */
@TemplateData
public record TimelineEntry(Instant instant, String at, String atIso, String kind, String kindLabel, String what, String actor,
        String source, String stripeEventId, String requestId, String conversationId, String detail) {
}
