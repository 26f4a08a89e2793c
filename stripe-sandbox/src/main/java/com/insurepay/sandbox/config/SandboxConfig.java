package com.insurepay.sandbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every knob of the sandbox; each key is overridable by its environment variable (SANDBOX_...). */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /**
     * Base of hosted page URLs (sessions' and payment links' {@code url}). {@code auto} derives it from
     * the API request's own base URL, which is what tests on a random port need.
     */
    @WithName("public-url")
    @WithDefault("http://localhost:${quarkus.http.port:12111}")
    String publicUrl();

    Webhook webhook();

    Events events();

    @WithName("expiry-sweep")
    ExpirySweep expirySweep();

    interface Webhook {
        /** Comma-separated {@code url|whsec_secret} pairs. */
        Optional<String> endpoints();

        /** Delay before each retry; its length is the number of retries after the first attempt. */
        @WithName("retry-schedule")
        @WithDefault("1s,2s,4s,8s")
        List<Duration> retrySchedule();

        @WithDefault("10s")
        Duration timeout();
    }

    interface Events {
        /** The api_version stamped on events: set an older one to mimic an account pinned to it. */
        @WithName("api-version")
        @WithDefault("2026-07-29.dahlia")
        String apiVersion();
    }

    interface ExpirySweep {
        /** How often open sessions past expires_at are expired (scheduler interval). */
        @WithDefault("5s")
        String every();
    }
}
