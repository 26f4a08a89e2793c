package com.insurepay.checkout.rest;

/** Request bodies. Everything is optional at the JSON level; the service rules say what is required (400 naming the field). */
public final class ApiRequests {

    private ApiRequests() {
    }

    /** {@code quote_token}: the insurer's signed quote; when verification is required the price comes from it. */
    public record InitiatePurchaseRequest(String userId, String quoteId, String quoteToken, Long amount, String currency, String productName,
            String customerEmail) {
    }

    public record CancelRequest(String reason) {
    }

    public record RefundRequest(Long amount, String reason) {
    }

    public record SaveForLaterRequest(String userId, String customerEmail, String quoteToken, String productName, Long amount,
            String currency, String policyId, String notes) {
    }

    public record SendLinkRequest(String customerEmail, String customerName) {
    }
}
