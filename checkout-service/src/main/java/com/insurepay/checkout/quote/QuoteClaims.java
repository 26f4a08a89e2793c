package com.insurepay.checkout.quote;

/** The claim names of a quote token, shared by the verifier and the local quote engine's CLI. */
public final class QuoteClaims {

    public static final String QUOTE_ID = "quote_id";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String PRODUCT_NAME = "product_name";
    public static final String USER_ID = "user_id";
    public static final String TENANT = "tenant";
    public static final String CUSTOMER_EMAIL = "customer_email";

    private QuoteClaims() {
    }
}
