package com.insurepay.pages.service;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyLinkSigner;
import com.insurepay.common.policy.PolicyRepository;
import com.insurepay.pages.config.PagesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * Serves a policy document to whoever holds a valid signed link. The token is checked BEFORE the policy is looked
 * up, so a wrong link says nothing about whether a policy exists.
 */
@ApplicationScoped
public class PolicyDocumentService {

    private final PolicyRepository policies;
    private final PolicyLinkSigner signer;
    private final PolicyPdfRenderer renderer;
    private final PagesConfig config;
    private final Clock clock;

    public PolicyDocumentService(PolicyRepository policies, PolicyLinkSigner signer, PolicyPdfRenderer renderer,
            PagesConfig config, Clock clock) {
        this.policies = policies;
        this.signer = signer;
        this.renderer = renderer;
        this.config = config;
        this.clock = clock;
    }

    public PolicyDocument document(String policyId, String token) {
        if (!Ids.isPolicyId(policyId)) {
            return new PolicyDocument.NotFound();
        }
        switch (signer.verify(policyId, token, clock.instant())) {
            case EXPIRED:
                return new PolicyDocument.Refused(true);
            case INVALID:
                return new PolicyDocument.Refused(false);
            case VALID:
            default:
                break;
        }
        Optional<Policy> policy = policies.find(policyId);
        if (policy.isEmpty()) {
            return new PolicyDocument.NotFound();
        }
        Policy p = policy.get();
        return new PolicyDocument.Pdf(p.policyNumber() + ".pdf", renderer.render(p, config.insurerName(), clock.instant()));
    }
}
