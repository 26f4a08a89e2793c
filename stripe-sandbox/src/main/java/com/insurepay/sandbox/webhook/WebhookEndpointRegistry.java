package com.insurepay.sandbox.webhook;

import com.insurepay.sandbox.config.SandboxConfig;
import com.insurepay.sandbox.support.StripeIds;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/** Endpoints from configuration ({@code url|whsec_...} pairs) plus those registered at runtime. */
@Startup
@ApplicationScoped
public class WebhookEndpointRegistry {

    private static final Logger LOG = Logger.getLogger(WebhookEndpointRegistry.class);

    @Inject
    SandboxConfig config;

    private final List<WebhookEndpoint> configured = new CopyOnWriteArrayList<>();
    private final List<WebhookEndpoint> registered = new CopyOnWriteArrayList<>();

    @PostConstruct
    void loadConfigured() {
        configured.addAll(parse(config.webhook().endpoints().orElse("")));
        configured.forEach(e -> LOG.infof("Webhook endpoint from configuration: %s", e.url()));
    }

    /** Parses {@code url|secret,url|secret}; a missing secret is an error, not a silent unsigned send. */
    static List<WebhookEndpoint> parse(String raw) {
        List<WebhookEndpoint> out = new ArrayList<>();
        for (String entry : raw.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int bar = trimmed.lastIndexOf('|');
            if (bar <= 0 || bar == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "sandbox.webhook.endpoints entries must be url|whsec_secret, got: " + trimmed);
            }
            String url = trimmed.substring(0, bar).trim();
            String secret = trimmed.substring(bar + 1).trim();
            checkUrl(url);
            out.add(new WebhookEndpoint("we_cfg_" + (out.size() + 1), "webhook_endpoint", url, secret, "config", List.of("*")));
        }
        return out;
    }

    static void checkUrl(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("webhook url must be an absolute http(s) URL: " + url);
        }
    }

    public WebhookEndpoint register(String url, String secret, List<String> enabledEvents) {
        checkUrl(url);
        String effectiveSecret = secret == null || secret.isBlank() ? "whsec_" + StripeIds.random(32) : secret;
        WebhookEndpoint endpoint = new WebhookEndpoint(StripeIds.newId("we_"), "webhook_endpoint", url, effectiveSecret, "api",
                enabledEvents.isEmpty() ? List.of("*") : List.copyOf(enabledEvents));
        registered.add(endpoint);
        return endpoint;
    }

    public boolean remove(String id) {
        return registered.removeIf(e -> e.id().equals(id)) || configured.removeIf(e -> e.id().equals(id));
    }

    public List<WebhookEndpoint> all() {
        List<WebhookEndpoint> all = new ArrayList<>(configured);
        all.addAll(registered);
        return all;
    }

    public Optional<WebhookEndpoint> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Reset drops runtime registrations and restores the configured endpoints. */
    public void reset() {
        registered.clear();
        configured.clear();
        configured.addAll(parse(config.webhook().endpoints().orElse("")));
    }
}
