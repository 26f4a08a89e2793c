package com.insurepay.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** checkout-service's RFC 9457 problem body: {@code detail} is one sentence an assistant can repeat. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection // read with a plain ObjectMapper in ProblemResponseMapper: no REST signature names it
public record Problem(
        Integer status,
        String title,
        String code,
        String detail,
        String field,
        String paymentIntentId,
        String paymentStatus) {
}
