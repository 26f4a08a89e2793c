package com.insurepay.checkout.rest;

import com.insurepay.checkout.rest.validation.EmailAddress;
import com.insurepay.checkout.rest.validation.OpaqueId;
import com.insurepay.checkout.rest.validation.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Request bodies, with their shape rules as Bean Validation constraints (a violation is a 400 {@code validation_error}
 * naming the field, see {@link ProblemMappers}). Rules that depend on more than one field or on configuration stay in
 * the services: with signed quotes required the price comes from {@code quote_token}, without it {@code amount} is
 * required; an e-mail address may come from the quote token instead of the body.
 */
public final class ApiRequests {

    private ApiRequests() {
    }

    /** {@code quote_token}: the insurer's signed quote; when verification is required the price comes from it. */
    public record InitiatePurchaseRequest(
            @OpaqueId String userId,
            @OpaqueId String quoteId,
            @Size(max = 8192) String quoteToken,
            @Positive Long amount,
            @Pattern(regexp = "([A-Za-z]{3})?", message = "must be a three-letter ISO 4217 code") String currency,
            @Size(max = 200) @PlainText String productName,
            @EmailAddress String customerEmail) {
    }

    public record CancelRequest(@Size(max = 500) @PlainText String reason) {
    }

    public record RefundRequest(@Positive Long amount, @Size(max = 100) @PlainText String reason) {
    }

    public record SaveForLaterRequest(
            @OpaqueId String userId,
            @EmailAddress String customerEmail,
            @Size(max = 8192) String quoteToken,
            @Size(max = 200) @PlainText String productName,
            @Positive Long amount,
            @Pattern(regexp = "([A-Za-z]{3})?", message = "must be a three-letter ISO 4217 code") String currency,
            @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._:@\\-]*",
                    message = "must be letters, digits or . _ : @ - characters") String policyId,
            @Size(max = 500) @PlainText String notes) {
    }

    public record SendLinkRequest(@EmailAddress String customerEmail, @Size(max = 200) @PlainText String customerName) {
    }
}
