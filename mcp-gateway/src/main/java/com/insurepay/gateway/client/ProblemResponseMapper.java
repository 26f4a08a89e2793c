package com.insurepay.gateway.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every 4xx/5xx answer of checkout-service into a {@link CheckoutProblemException} carrying the problem body.
 * Bodies that are not a problem (a proxy's HTML error page, an empty 503) still give the status.
 */
public class ProblemResponseMapper implements ResponseExceptionMapper<CheckoutProblemException> {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public CheckoutProblemException toThrowable(Response response) {
        return CheckoutProblemException.of(response.getStatus(), readProblem(response));
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    static Problem readProblem(Response response) {
        try {
            if (!response.hasEntity()) {
                return null;
            }
            String body = response.readEntity(String.class);
            if (body == null || !body.trim().startsWith("{")) {
                return null;
            }
            return JSON.readValue(body, Problem.class);
        } catch (Exception unreadable) {
            return null;
        }
    }
}
