package com.insurepay.webhook.service;

import com.insurepay.common.store.DeliveryRecord;
import com.insurepay.webhook.config.WebhookConfig;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** One delivery from raw body to stored effect: verify, parse, apply; measured whatever happens. */
@ApplicationScoped
public class StripeWebhookIngestion {

    private static final Logger LOG = Logger.getLogger(StripeWebhookIngestion.class);

    private final StripeSignatureVerifier verifier;
    private final StripeEventProcessor processor;
    private final DeliveryLogWriter deliveryLog;
    private final WebhookMetrics metrics;
    private final WebhookConfig config;
    private final Clock clock;

    public StripeWebhookIngestion(StripeSignatureVerifier verifier, StripeEventProcessor processor,
            DeliveryLogWriter deliveryLog, WebhookMetrics metrics, WebhookConfig config, Clock clock) {
        this.verifier = verifier;
        this.processor = processor;
        this.deliveryLog = deliveryLog;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
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
            StripeEventProcessor.Processed processed = processor.process(event);
            outcome = processed.outcome();
            if (outcome != DeliveryOutcome.DUPLICATE) {
                Instant now = clock.instant();
                deliveryLog.enqueue(new DeliveryRecord(event.id(), event.type(), event.objectId(), processed.paymentId(),
                        outcome.tag(), now, now.plus(config.eventRecordTtl())));
            }
            return new Delivery(event.id(), outcome);
        } catch (RuntimeException e) {
            LOG.warnf("event %s (%s) not stored, Stripe will redeliver it: %s", event.id(), event.type(), e.toString());
            throw e;
        } finally {
            metrics.delivered(event.type(), outcome, sample);
        }
    }
}
