package com.insurepay.checkout.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the application at {@link StripeStandIn}, without retries and with a short read timeout. */
public class StripeStandInResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("stripe.api-base", StripeStandIn.get().baseUrl(),
                "stripe.max-network-retries", "0",
                "stripe.read-timeout", "PT1S",
                "stripe.connect-timeout", "PT1S");
    }

    @Override
    public void stop() {
    }
}
