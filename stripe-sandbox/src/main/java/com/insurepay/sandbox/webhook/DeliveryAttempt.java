package com.insurepay.sandbox.webhook;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One POST of one event to one endpoint. {@code outcome}: delivered, retry_scheduled, failed (no retry
 * left) or held (delivery paused).
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeliveryAttempt(
        String eventId,
        String eventType,
        String endpointId,
        String url,
        int attempt,
        Integer statusCode,
        String error,
        long durationMs,
        String attemptedAt,
        String outcome,
        Long nextRetryInMs) {
}
