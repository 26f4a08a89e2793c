package com.insurepay.checkout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How to reach Stripe. Pointing {@code api-base} at stripe-sandbox or at api.stripe.com is the only difference. */
@ConfigMapping(prefix = "stripe")
public interface StripeSettings {

    /** {@code sk_test_...}/{@code sk_live_...}; env STRIPE_SECRET_KEY. */
    String apiKey();

    @WithDefault("https://api.stripe.com")
    String apiBase();

    @WithDefault("2")
    int maxNetworkRetries();

    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithDefault("PT20S")
    Duration readTimeout();
}
