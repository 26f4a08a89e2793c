package com.insurepay.checkout.rest;

/** Request bodies. Everything is optional at the JSON level; the service rules say what is required (400 naming the field). */
public final class ApiRequests {

    private ApiRequests() {
    }

    public record InitiatePurchaseRequest(String userId, String quoteId, Long amount, String currency, String productName,
            String customerEmail) {
    }

    public record CancelRequest(String reason) {
    }

    public record RefundRequest(Long amount, String reason) {
    }

    public record SaveForLaterRequest(String userId, String customerEmail, String productName, Long amount, String currency,
            String policyId, String notes) {
    }

    public record SendLinkRequest(String customerEmail, String customerName) {
    }
}
