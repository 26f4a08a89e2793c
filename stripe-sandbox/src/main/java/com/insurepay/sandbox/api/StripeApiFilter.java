package com.insurepay.sandbox.api;

import com.insurepay.sandbox.config.SandboxConfig;
import com.insurepay.sandbox.support.StripeIds;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Stripe's envelope around every /v1 call: a test-mode secret key (Bearer, or Basic like
 * {@code curl -u sk_test_x:}), a {@code Request-Id} on every response and the {@code Stripe-Version}
 * echoed back.
 */
@Provider
@PreMatching
public class StripeApiFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String REQUEST_ID = "sandbox.request-id";

    @Inject
    ApiRequestContext context;
    // Providers are built at static init, before config mappings exist: look the config up per request.
    @Inject
    jakarta.enterprise.inject.Instance<SandboxConfig> config;

    @Override
    public void filter(ContainerRequestContext request) {
        String requestId = "req_" + StripeIds.random(14);
        request.setProperty(REQUEST_ID, requestId);
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") && !path.equals("/v1")) {
            context.setRequestId(requestId);
            return;
        }
        String apiKey = apiKey(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (apiKey == null) {
            abort(request, new StripeApiException(
                    401,
                    "invalid_request_error",
                    null,
                    null,
                    "You did not provide an API key. You need to provide your API key in the Authorization header,"
                            + " using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."));
            return;
        }
        if (!apiKey.startsWith("sk_test_")) {
            abort(request, new StripeApiException(
                    401,
                    "invalid_request_error",
                    "api_key_invalid",
                    null,
                    "Invalid API Key provided: " + mask(apiKey) + ". stripe-sandbox accepts only test keys (sk_test_...)."));
            return;
        }
        context.begin(
                requestId, apiKey, request.getHeaderString("Idempotency-Key"), request.getHeaderString("Stripe-Version"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(REQUEST_ID);
        if (requestId != null && !response.getHeaders().containsKey("Request-Id")) {
            response.getHeaders().putSingle("Request-Id", requestId);
        }
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/v1")) {
            String version = request.getHeaderString("Stripe-Version");
            response.getHeaders().putSingle("Stripe-Version", version != null ? version : config.get().events().apiVersion());
        }
    }

    private static void abort(ContainerRequestContext request, StripeApiException e) {
        request.abortWith(StripeErrorMappers.toResponse(e));
    }

    private static String apiKey(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String value = authorization.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = value.substring(7).trim();
            return key.isEmpty() ? null : key;
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String key = colon < 0 ? decoded : decoded.substring(0, colon);
                return key.isEmpty() ? null : key;
            } catch (IllegalArgumentException e) {
                return "invalid";
            }
        }
        return "invalid";
    }

    private static String mask(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, Math.min(8, key.length() - 4)) + "****" + key.substring(key.length() - 4);
    }
}
