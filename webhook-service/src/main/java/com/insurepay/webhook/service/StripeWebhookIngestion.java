package com.insurepay.webhook.service;

import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** One delivery from raw body to stored effect: verify, parse, apply; measured whatever happens. */
@ApplicationScoped
public class StripeWebhookIngestion {

    private static final Logger LOG = Logger.getLogger(StripeWebhookIngestion.class);

    private final StripeSignatureVerifier verifier;
    private final StripeEventProcessor processor;
    private final WebhookMetrics metrics;

    public StripeWebhookIngestion(StripeSignatureVerifier verifier, StripeEventProcessor processor, WebhookMetrics metrics) {
        this.verifier = verifier;
        this.processor = processor;
        this.metrics = metrics;
    }

    public record Delivery(String eventId, DeliveryOutcome outcome) {
    }

    /**
     * @throws RejectedDeliveryException if the delivery is not a verified Stripe event
     * @throws RuntimeException (typically an AWS SDK exception) if the effect could not be stored: it is not
     *         acknowledged, so Stripe delivers it again
     */
    public Delivery ingest(String payload, String signatureHeader) {
        Timer.Sample sample = metrics.start();
        StripeEvent event;
        try {
            verifier.verify(payload, signatureHeader);
            event = StripeEvent.parse(payload);
        } catch (RejectedDeliveryException e) {
            if (e.reason().isSignatureFailure()) {
                metrics.signatureFailure(e.reason());
            }
            metrics.rejected(e.reason().tag(), sample);
            LOG.debugf("delivery rejected: %s", e.reason().tag());
            throw e;
        }
        DeliveryOutcome outcome = DeliveryOutcome.ERROR;
        try {
            outcome = processor.process(event);
            return new Delivery(event.id(), outcome);
        } catch (RuntimeException e) {
            LOG.warnf("event %s (%s) not stored, Stripe will redeliver it: %s", event.id(), event.type(), e.toString());
            throw e;
        } finally {
            metrics.delivered(event.type(), outcome, sample);
        }
    }
}
