package com.insurepay.webhook.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.insurepay.webhook.config.WebhookConfig;
import com.insurepay.webhook.rest.WebhookResponses.Failure;
import com.insurepay.webhook.rest.WebhookResponses.Received;
import com.insurepay.webhook.service.StripeWebhookIngestion;
import com.insurepay.webhook.service.StripeWebhookIngestion.Delivery;
import com.insurepay.webhook.service.WebhookMetrics;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code POST /webhook/stripe}: the endpoint Stripe (or {@code stripe listen}, or the sandbox) delivers to. */
@Path("/webhook/stripe")
@Tag(name = "stripe webhooks")
public class StripeWebhookResource {

    static final String SIGNATURE_HEADER = "Stripe-Signature";

    @Inject
    StripeWebhookIngestion ingestion;

    @Inject
    WebhookMetrics metrics;

    @Inject
    WebhookConfig config;

    @Operation(
            summary = "Stripe webhook deliveries: verified (Stripe-Signature), de-duplicated and applied; 2xx only once the effect is stored, 5xx to make Stripe retry")
    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD) // checked below, to answer 415 with our generic body
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(SIGNATURE_HEADER) String signature,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws IOException {
        if (!isJson(contentType)) {
            metrics.rejected("unsupported_media_type", null);
            return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).entity(Failure.UNSUPPORTED_MEDIA_TYPE).build();
        }
        // The signature covers the exact bytes, so the body is read raw, never re-serialized.
        byte[] raw = body.readNBytes(config.maxBodyBytes() + 1);
        if (raw.length > config.maxBodyBytes()) {
            metrics.rejected("too_large", null);
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).entity(Failure.TOO_LARGE).build();
        }
        Delivery delivery = ingestion.ingest(new String(raw, StandardCharsets.UTF_8), signature);
        return Response.ok(new Received(true, delivery.eventId(), delivery.outcome().tag())).build();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType() && !type.isWildcardSubtype()
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
