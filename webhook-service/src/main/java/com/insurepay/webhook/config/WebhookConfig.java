package com.insurepay.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the endpoint and how long a delivery record is kept. */
@ConfigMapping(prefix = "webhook")
public interface WebhookConfig {

    /** Larger bodies are refused with 413 before they are verified (Stripe events are a few KiB). */
    @WithDefault("524288")
    int maxBodyBytes();

    /** How long a delivery log record is kept (de-duplication marks live on the payment item, for its whole life). */
    @WithDefault("30d")
    Duration eventRecordTtl();
}
