package com.insurepay.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * How Stripe deliveries are verified. {@code stripe.webhook-secrets} (env {@code STRIPE_WEBHOOK_SECRET}) is a
 * comma-separated list so a new endpoint secret can be rolled out while the old one is still signing.
 */
@ConfigMapping(prefix = "stripe")
public interface StripeWebhookConfig {

    /** The endpoint signing secrets ({@code whsec_...}); a delivery signed with any of them is accepted. */
    List<String> webhookSecrets();

    /** How old a signature's timestamp may be (replay protection); 0 switches the check off. */
    @WithDefault("300s")
    Duration webhookTolerance();
}
