package com.insurepay.sandbox.webhook;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A receiver of signed events. {@code source} is "config" (from sandbox.webhook.endpoints) or "api". */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookEndpoint(String id, String object, String url, String secret, String source, List<String> enabledEvents) {

    public boolean wants(String eventType) {
        return enabledEvents.isEmpty()
                || enabledEvents.contains("*")
                || enabledEvents.contains(eventType)
                || enabledEvents.stream().anyMatch(e -> e.endsWith(".*") && eventType.startsWith(e.substring(0, e.length() - 1)));
    }
}
