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

    /**
     * The longest one Stripe call can take with its retries: each attempt may spend the connect and the read timeout,
     * and stripe-java waits at most 5 s between attempts. A quote's lease is renewed around every call with at least
     * this much time left, so it cannot lapse while a call is still running.
     */
    default Duration callBudget() {
        long attempts = maxNetworkRetries() + 1L;
        return connectTimeout().plus(readTimeout()).multipliedBy(attempts).plusSeconds(5L * maxNetworkRetries());
    }
}
