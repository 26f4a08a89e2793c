package com.insurepay.webhook.rest;

import com.insurepay.webhook.rest.WebhookResponses.Failure;
import com.insurepay.webhook.service.RejectedDeliveryException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Locale;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every failure ends as a short generic JSON body. Anything that kept a delivery from being stored is a 5xx, so
 * Stripe keeps retrying (for up to three days) instead of us acknowledging and losing it.
 */
public class WebhookExceptionMappers {

    private static final Logger LOG = Logger.getLogger(WebhookExceptionMappers.class);

    @ServerExceptionMapper
    public Response rejected(RejectedDeliveryException e) {
        return json(Response.Status.BAD_REQUEST, Failure.BAD_REQUEST);
    }

    /** DynamoDB unreachable, throttling, or a 5xx from it: retryable by nature. */
    @ServerExceptionMapper
    public Response storageUnavailable(SdkException e) {
        return json(Response.Status.SERVICE_UNAVAILABLE, Failure.UNAVAILABLE);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            // 405, 404 and friends from the framework keep their status; only the body is ours.
            Response original = web.getResponse();
            if (original.getStatus() >= 500) {
                return json(Response.Status.INTERNAL_SERVER_ERROR, Failure.INTERNAL);
            }
            String word = original.getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
            return Response.fromResponse(original).type(MediaType.APPLICATION_JSON).entity(new Failure(word)).build();
        }
        LOG.error("unexpected failure while processing a webhook delivery", e);
        return json(Response.Status.INTERNAL_SERVER_ERROR, Failure.INTERNAL);
    }

    private static Response json(Response.Status status, Failure body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
