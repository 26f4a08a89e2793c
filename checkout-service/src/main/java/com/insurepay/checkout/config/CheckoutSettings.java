package com.insurepay.checkout.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the purchase rules in one place. The key names are shared with ./stack, k8s and the other
 * modules, so they are plain properties rather than one prefix.
 */
@ApplicationScoped
public class CheckoutSettings {

    @ConfigProperty(name = "checkout.service-token")
    String serviceToken;

    @ConfigProperty(name = "checkout.session-ttl", defaultValue = "PT24H")
    Duration sessionTtl;

    @ConfigProperty(name = "checkout.max-amount", defaultValue = "99999999")
    long maxAmount;

    @ConfigProperty(name = "pages.base-url")
    String pagesBaseUrl;

    @ConfigProperty(name = "policy.link-validity", defaultValue = "P30D")
    Duration policyLinkValidity;

    @ConfigProperty(name = "payment-link.validity", defaultValue = "P7D")
    Duration paymentLinkValidity;

    @ConfigProperty(name = "reconciliation.grace", defaultValue = "PT10M")
    Duration reconciliationGrace;

    /** Open payments older than this are checked even before their session expires (a lost webhook). */
    @ConfigProperty(name = "reconciliation.min-age", defaultValue = "PT1H")
    Duration reconciliationMinAge;

    /** What happens to money that arrives after we closed its payment. */
    public enum PaidAfterClose {
        /** Refund it in full automatically and tell the customer (default). */
        REFUND,
        /** Keep it for an operator to decide; counted by a gauge. */
        HOLD
    }

    @ConfigProperty(name = "checkout.paid-after-close", defaultValue = "refund")
    String paidAfterClose;

    /** How long a completed payment may wait for the assistant's complete_purchase before its policy is issued anyway. */
    @ConfigProperty(name = "checkout.policy.auto-issue-after", defaultValue = "PT2M")
    Duration policyAutoIssueAfter;

    public PaidAfterClose paidAfterClose() {
        return PaidAfterClose.valueOf(paidAfterClose.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public Duration policyAutoIssueAfter() {
        return policyAutoIssueAfter;
    }

    public String serviceToken() {
        return serviceToken;
    }

    public Duration sessionTtl() {
        return sessionTtl;
    }

    public long maxAmount() {
        return maxAmount;
    }

    /** Without a trailing slash, so paths can be appended. */
    public String pagesBaseUrl() {
        return pagesBaseUrl.endsWith("/") ? pagesBaseUrl.substring(0, pagesBaseUrl.length() - 1) : pagesBaseUrl;
    }

    public String successUrl() {
        return pagesBaseUrl() + "/success?session_id={CHECKOUT_SESSION_ID}";
    }

    public String cancelUrl() {
        return pagesBaseUrl() + "/cancel?session_id={CHECKOUT_SESSION_ID}";
    }

    public Duration policyLinkValidity() {
        return policyLinkValidity;
    }

    public Duration paymentLinkValidity() {
        return paymentLinkValidity;
    }

    public Duration reconciliationGrace() {
        return reconciliationGrace;
    }

    public Duration reconciliationMinAge() {
        return reconciliationMinAge;
    }
}
