package com.insurepay.pages.service;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PolicyStatus;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyLinkSigner;
import com.insurepay.common.policy.PolicyRepository;
import com.insurepay.common.store.PaymentRepository;
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
    private final PaymentRepository payments;
    private final PolicyLinkSigner signer;
    private final PolicyPdfRenderer renderer;
    private final PagesConfig config;
    private final Clock clock;

    public PolicyDocumentService(PolicyRepository policies, PaymentRepository payments, PolicyLinkSigner signer,
            PolicyPdfRenderer renderer, PagesConfig config, Clock clock) {
        this.policies = policies;
        this.payments = payments;
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
            case EXPIRED :
                return new PolicyDocument.Refused(true);
            case INVALID :
                return new PolicyDocument.Refused(false);
            case VALID :
            default :
                break;
        }
        Optional<Policy> policy = policies.find(policyId);
        if (policy.isEmpty()) {
            return new PolicyDocument.NotFound();
        }
        Policy p = policy.get();
        // The cover follows the money: a cancelled policy's document still opens (the customer keeps the record), stamped.
        PolicyStatus status = payments.find(p.paymentId()).map(Payment::policyStatus).orElse(PolicyStatus.CANCELLED);
        return new PolicyDocument.Pdf(p.policyNumber() + ".pdf", renderer.render(p, status, config.insurerName(), clock.instant()));
    }
}
