package com.insurepay.webhook.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prometheus names: {@code webhook_deliveries_total{type,outcome}}, {@code webhook_signature_failures_total{reason}},
 * {@code webhook_processing_seconds{outcome}} (histogram buckets for p99), {@code webhook_mismatches_total{type}},
 * {@code webhook_paid_after_close_total}. The {@code type} label is one of the handled event types, {@code unverified}
 * or {@code other}. Payment transitions and money: {@code insurepay_*} ({@link com.insurepay.common.metrics.PaymentMetrics}).
 */
@ApplicationScoped
public class WebhookMetrics {

    /** Type tag of deliveries that were never verified: their claimed type is not to be trusted (or counted). */
    public static final String UNVERIFIED = "unverified";
    /** Type tag of verified events of a type we do not handle: the label stays bounded whatever Stripe sends. */
    public static final String OTHER_TYPE = "other";

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void delivered(String type, DeliveryOutcome outcome, Timer.Sample sample) {
        Counter.builder("webhook.deliveries").description("Stripe webhook deliveries by event type and outcome")
                .tag("type", typeTag(type)).tag("outcome", outcome.tag()).register(registry).increment();
        if (sample != null) {
            sample.stop(Timer.builder("webhook.processing").description("Time to verify, de-duplicate and apply one delivery")
                    .tag("outcome", outcome.tag()).publishPercentileHistogram().register(registry));
        }
    }

    public void rejected(String reasonTag, Timer.Sample sample) {
        delivered(UNVERIFIED, DeliveryOutcome.REJECTED, sample);
        Counter.builder("webhook.rejections").description("Deliveries refused before processing, by reason")
                .tag("reason", reasonTag).register(registry).increment();
    }

    /** A verified event whose Stripe ids or money are not the payment's it named or reached. */
    public void mismatch(String type) {
        Counter.builder("webhook.mismatches")
                .description("Verified events refused because their ids, amount or currency are not the payment's")
                .tag("type", typeTag(type)).register(registry).increment();
    }

    /** The event types we handle, {@code unverified}, or {@code other}: never an unbounded value. */
    static String typeTag(String type) {
        return UNVERIFIED.equals(type) || StripeEventProcessor.HANDLED.contains(type) ? type : OTHER_TYPE;
    }

    public void paidAfterClose() {
        Counter.builder("webhook.paid.after.close").description("Money that arrived for a payment we had closed")
                .register(registry).increment();
    }

    public void signatureFailure(RejectedDeliveryException.Reason reason) {
        Counter.builder("webhook.signature.failures").description("Deliveries whose Stripe-Signature did not verify")
                .tag("reason", reason.tag()).register(registry).increment();
    }
}
