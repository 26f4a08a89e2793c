package com.insurepay.checkout.config;

import com.insurepay.common.policy.PolicyLinkSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The HMAC key is shared with pages-service, which verifies the links we sign. */
@ApplicationScoped
public class PolicyLinkSignerProducer {

    @Produces
    @ApplicationScoped
    PolicyLinkSigner policyLinkSigner(@ConfigProperty(name = "policy.link-secret") String secret) {
        return new PolicyLinkSigner(secret);
    }
}
