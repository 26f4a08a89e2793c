package com.insurepay.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.config.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;

/** Turns service results into API responses, applying Stripe's idempotency rules to writes. */
@ApplicationScoped
public class ApiResponder {

    @Inject
    ObjectMapper mapper;
    @Inject
    ApiRequestContext request;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    SandboxConfig config;

    public Response ok(ObjectNode body) {
        return Response.ok(write(body), MediaType.APPLICATION_JSON).build();
    }

    /** Runs a write once per Idempotency-Key; only successes are remembered (as on Stripe). */
    public Response idempotent(String endpoint, StripeParams params, Supplier<ObjectNode> write) {
        String key = request.idempotencyKey();
        if (key == null || key.isBlank()) {
            return ok(write.get());
        }
        String scopedKey = request.apiKey() + "|" + key;
        synchronized (idempotency.lockFor(scopedKey)) {
            IdempotencyStore.Saved previous = idempotency.find(scopedKey);
            if (previous != null) {
                if (!previous.endpoint().equals(endpoint) || !previous.canonicalParams().equals(params.canonical())) {
                    throw new StripeApiException(
                            400, "idempotency_error", null, null,
                            "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key"
                                    + " other than '" + key + "' if you meant to execute a different request.");
                }
                return Response.status(previous.status())
                        .type(MediaType.APPLICATION_JSON)
                        .entity(previous.body())
                        .header("Idempotent-Replayed", "true")
                        .header("Original-Request", previous.requestId())
                        .build();
            }
            String body = write(write.get());
            idempotency.save(scopedKey, new IdempotencyStore.Saved(endpoint, params.canonical(), 200, body, request.requestId()));
            return Response.ok(body, MediaType.APPLICATION_JSON).header("Original-Request", request.requestId()).build();
        }
    }

    /** Base of hosted page URLs: configured, or (with "auto") this request's own base URL. */
    public String publicBaseUrl(UriInfo uri) {
        String configured = config.publicUrl().trim();
        if (configured.isEmpty() || configured.equals("auto")) {
            String base = uri.getBaseUri().toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    public static StripeParams query(UriInfo uri) {
        return StripeParams.parse(uri.getRequestUri().getRawQuery());
    }

    private String write(ObjectNode body) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
