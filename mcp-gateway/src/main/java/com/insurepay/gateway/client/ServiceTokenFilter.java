package com.insurepay.gateway.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

/** Every call to checkout-service carries the service token ({@code checkout.service-token}, env CHECKOUT_SERVICE_TOKEN). */
public class ServiceTokenFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        ConfigProvider.getConfig().getOptionalValue("checkout.service-token", String.class)
                .filter(token -> !token.isBlank())
                .ifPresent(token -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
