package com.insurepay.gateway.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says at start what would otherwise only show as failed tool calls. */
@ApplicationScoped
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    void check(@Observes StartupEvent start,
            @ConfigProperty(name = "checkout.service-token") Optional<String> serviceToken,
            @ConfigProperty(name = "quarkus.rest-client.checkout.url") String checkoutUrl) {
        if (serviceToken.filter(t -> !t.isBlank()).isEmpty()) {
            LOG.warn("checkout.service-token (env CHECKOUT_SERVICE_TOKEN) is not set: checkout-service will refuse every tool call");
        }
        LOG.infof("checkout-service at %s", checkoutUrl);
    }
}
