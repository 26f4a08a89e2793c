package com.insurepay.checkout.service;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.mail.CustomerMailer;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyLinkSigner;
import com.insurepay.common.policy.PolicyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Completes a purchase: one policy per paid payment, even when calls race (the policy and the payment's link to it
 * are one conditional transaction in {@link PolicyRepository#issue}); the loser of a race returns the winner's policy.
 */
@ApplicationScoped
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    @Inject
    PaymentService paymentService;

    @Inject
    PolicyRepository policies;

    @Inject
    PolicyLinkSigner signer;

    @Inject
    CustomerMailer mailer;

    @Inject
    CheckoutSettings settings;

    @Inject
    Clock clock;

    public record IssuedPolicy(Policy policy, String documentUrl, boolean created, boolean confirmationEmailSent) {
    }

    public IssuedPolicy issue(String paymentId) {
        Payment payment = paymentService.require(paymentId);
        if (payment.hasPolicy()) {
            return existing(payment);
        }
        if (payment.status() != PaymentStatus.COMPLETED) {
            throw CheckoutProblem.invalidStatus(payment, "Payment " + paymentId + " is " + payment.status().wireName()
                    + "; a policy can only be issued once the payment is completed.");
        }
        Instant now = clock.instant();
        long sequence = policies.nextSequence(now.atZone(ZoneOffset.UTC).getYear());
        Policy policy = new Policy(Ids.newPolicyId(now), Ids.policyNumber(now, sequence), paymentId, payment.userId(),
                payment.quoteId(), payment.productName(), payment.amount(), payment.currency(), payment.customerEmail(), now,
                Policy.ACTIVE);
        if (!policies.issue(policy)) {
            // Lost the race (or the payment changed status meanwhile): the sequence number is simply skipped.
            Payment current = paymentService.require(paymentId);
            if (current.hasPolicy()) {
                return existing(current);
            }
            throw CheckoutProblem.invalidStatus(current, "Payment " + paymentId + " is " + current.status().wireName()
                    + "; a policy can only be issued once the payment is completed.");
        }
        LOG.infof("Policy %s (%s) issued for payment %s", policy.policyId(), policy.policyNumber(), paymentId);
        String url = documentUrl(policy.policyId(), now);
        boolean sent = false;
        if (payment.customerEmail() != null) {
            try {
                mailer.sendPolicyConfirmation(payment.customerEmail(), payment.productName(), policy.policyNumber(),
                        payment.money().format(), url);
                sent = true;
            } catch (CustomerMailer.MailUnavailableException e) {
                // The policy exists either way; the document link stays available through the API.
                LOG.warnf("Confirmation e-mail for policy %s (payment %s) not sent: %s", policy.policyId(), paymentId,
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
        }
        return new IssuedPolicy(policy, url, true, sent);
    }

    private IssuedPolicy existing(Payment payment) {
        Policy policy = policies.find(payment.policyId()).orElseThrow(() -> new IllegalStateException(
                "payment " + payment.paymentId() + " links to missing policy " + payment.policyId()));
        return new IssuedPolicy(policy, documentUrl(policy.policyId(), clock.instant()), false, false);
    }

    /** A signed, expiring link to pages-service; the token is verified there with the same shared key. */
    String documentUrl(String policyId, Instant now) {
        String token = signer.sign(policyId, now.plus(settings.policyLinkValidity()));
        return settings.pagesBaseUrl() + "/policies/" + policyId + ".pdf?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
