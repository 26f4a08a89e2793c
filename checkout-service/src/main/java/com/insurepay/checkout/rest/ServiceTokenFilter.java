package com.insurepay.checkout.rest;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.rest.ApiViews.ProblemView;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The API is internal: every /api call carries the service token. (/q/* are Vert.x routes, never seen here.)
 * Compared in constant time so the token cannot be guessed byte by byte.
 */
@Provider
@PreMatching
public class ServiceTokenFilter implements ContainerRequestFilter {

    @Inject
    CheckoutSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        byte[] expected = settings.serviceToken().getBytes(StandardCharsets.UTF_8);
        if (expected.length == 0 || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(ProblemMappers.PROBLEM_JSON)
                    .entity(new ProblemView(401, "Unauthorized", "unauthorized",
                            "A valid service token is required: send Authorization: Bearer <token>.", null, null, null))
                    .build());
        }
    }
}
