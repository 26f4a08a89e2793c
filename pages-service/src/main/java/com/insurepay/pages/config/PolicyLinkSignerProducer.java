package com.insurepay.pages.config;

import com.insurepay.common.policy.PolicyLinkSigner;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The verifier of policy document links. checkout-service signs them with the same {@code policy.link-secret}
 * (env {@code POLICY_LINK_SECRET}); the key has no default in prod, so a missing secret stops the start-up.
 */
@ApplicationScoped
public class PolicyLinkSignerProducer {

    // @Startup: a secret that is too short fails at start, not on the first customer's download.
    @Produces
    @Startup
    @ApplicationScoped
    PolicyLinkSigner policyLinkSigner(@ConfigProperty(name = "policy.link-secret") String secret) {
        return new PolicyLinkSigner(secret);
    }
}
