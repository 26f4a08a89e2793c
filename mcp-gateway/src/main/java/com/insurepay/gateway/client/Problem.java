package com.insurepay.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** checkout-service's RFC 9457 problem body: {@code detail} is one sentence an assistant can repeat. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(
        Integer status,
        String title,
        String code,
        String detail,
        String field,
        String paymentIntentId,
        String paymentStatus) {
}
