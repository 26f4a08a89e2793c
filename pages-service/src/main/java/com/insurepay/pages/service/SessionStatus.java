package com.insurepay.pages.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code GET /api/sessions/{id}/status}: only what the processing page needs. The receipt appears
 * once the payment is paid.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionStatus(String status, Receipt receipt) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String statusLabel, String productName, String amount, String reference, String paidOn,
            String maskedEmail, String policyNumber) {
    }
}
