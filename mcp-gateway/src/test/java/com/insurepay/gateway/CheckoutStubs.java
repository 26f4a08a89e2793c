package com.insurepay.gateway;

/** Bodies checkout-service answers with, as in docs/checkout-api.md. */
public final class CheckoutStubs {

    public static final String SERVICE_TOKEN = "Bearer svc_test_token";
    public static final String PROBLEM_JSON = "application/problem+json";

    private CheckoutStubs() {
    }

    public static String payment(String id, String status, Boolean created) {
        return """
                {"payment_intent_id": "%s", "user_id": "user-42", "quote_id": "quote-7",
                 "amount": 15000, "currency": "SGD", "amount_display": "SGD 150.00",
                 "product_name": "Travel Insurance - Gold", "customer_email": "alice@example.com",
                 "payment_status": "%s", "kind": "checkout",
                 "session_id": "cs_test_abc", "checkout_url": "http://localhost:12111/c/pay/cs_test_abc",
                 "expires_at": "2026-11-23T05:00:00.000Z", "stripe_payment_intent": null, "payment_link_id": null,
                 "failure_reason": null, "refunded_amount": 0, "refundable_amount": 0,
                 "policy_id": null, "policy_number": null,
                 "created_at": "2026-11-22T05:00:00.000Z", "updated_at": "2026-11-22T05:00:00.000Z",
                 "webhook_processed_at": null,
                 "history": [{"at": "2026-11-22T05:00:00.000Z", "from": null, "to": "pending", "applied": true,
                              "source": "api", "stripe_event_id": null, "detail": "initiate_purchase"}]%s}
                """.formatted(id, status, created == null ? "" : ", \"created\": " + created);
    }

    /** A completed payment with {@code refundable} minor units still refundable (the refund tool reads it first). */
    public static String paid(String id, long refundable) {
        return """
                {"payment_intent_id": "%s", "tenant": "tenant-tests", "user_id": "user-42", "quote_id": "quote-7",
                 "amount": 15000, "currency": "SGD", "amount_display": "SGD 150.00", "product_name": "Travel Insurance - Gold",
                 "payment_status": "completed", "kind": "checkout", "refunded_amount": %d, "refundable_amount": %d}
                """.formatted(id, 15000 - refundable, refundable);
    }

    public static String problem(int status, String code, String detail, String field) {
        return """
                {"status": %d, "title": "t", "code": "%s", "detail": %s, "field": %s,
                 "payment_intent_id": null, "payment_status": null}
                """.formatted(status, code, detail == null ? "null" : "\"" + detail + "\"",
                field == null ? "null" : "\"" + field + "\"");
    }

    public static String paymentLink(String quoteId) {
        return """
                {"quote_id": "%s", "payment_link_id": "plink_123", "payment_link_url": "http://localhost:12111/b/plink_123",
                 "payment_intent_id": "pay_link1", "amount": 15000, "currency": "SGD", "amount_display": "SGD 150.00",
                 "product_name": "Travel Insurance - Gold", "expires_at": "2026-11-29T05:00:00.000Z", "is_active": true,
                 "payment_status": "pending", "sent_at": null, "sent_to": null}
                """.formatted(quoteId);
    }
}
