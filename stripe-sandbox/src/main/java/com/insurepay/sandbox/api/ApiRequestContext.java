package com.insurepay.sandbox.api;

import jakarta.enterprise.context.RequestScoped;

/** What the current /v1 request carried, for events' {@code request} block and idempotency. */
@RequestScoped
public class ApiRequestContext {

    private String requestId;
    private String apiKey;
    private String idempotencyKey;
    private String stripeVersion;
    private boolean apiRequest;

    public String requestId() {
        return requestId;
    }

    public String apiKey() {
        return apiKey;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String stripeVersion() {
        return stripeVersion;
    }

    /** True for authenticated /v1 calls; hosted page and /sandbox actions have no API request. */
    public boolean isApiRequest() {
        return apiRequest;
    }

    void begin(String requestId, String apiKey, String idempotencyKey, String stripeVersion) {
        this.requestId = requestId;
        this.apiKey = apiKey;
        this.idempotencyKey = idempotencyKey;
        this.stripeVersion = stripeVersion;
        this.apiRequest = true;
    }

    void setRequestId(String requestId) {
        this.requestId = requestId;
    }
}
