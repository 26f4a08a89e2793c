package com.insurepay.checkout.service;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.mail.CustomerMailer;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyLinkSigner;
import com.insurepay.common.policy.PolicyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Completes a purchase: one policy per paid payment, even when calls race (the assistant's {@code complete_purchase}
 * and the automatic issuance included: the policy and the payment's link to it are one conditional transaction in
 * {@link PolicyRepository#issue}); the loser of a race returns the winner's policy. Its cover follows the money.
 */
@ApplicationScoped
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    private final PaymentLookup lookup;
    private final PolicyRepository policies;
    private final PolicyLinkSigner signer;
    private final CustomerMailer mailer;
    private final MailRecorder mails;
    private final CheckoutSettings settings;
    private final Clock clock;

    public PolicyService(PaymentLookup lookup, PolicyRepository policies, PolicyLinkSigner signer, CustomerMailer mailer,
            MailRecorder mails, CheckoutSettings settings, Clock clock) {
        this.lookup = lookup;
        this.policies = policies;
        this.signer = signer;
        this.mailer = mailer;
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    /** The policy with its payment (whose money decides the cover) and a fresh signed document link. */
    public record IssuedPolicy(Policy policy, Payment payment, String documentUrl, boolean created, boolean confirmationEmailSent) {
    }

    /** The policy issued for a payment; 404 when none was. */
    public IssuedPolicy find(String tenant, String paymentId) {
        Payment payment = lookup.require(tenant, paymentId);
        if (!payment.hasPolicy()) {
            throw CheckoutProblem.notFound("No policy has been issued for payment " + paymentId + " (it is "
                    + payment.status().wireName() + ").");
        }
        return existing(payment);
    }

    /** The caller's {@code complete_purchase}: another tenant's payment is not found. */
    public IssuedPolicy issue(String tenant, String paymentId, String actor) {
        lookup.require(tenant, paymentId);
        return issue(paymentId, actor);
    }

    /** Issues the policy of a paid payment once; later calls return that same policy. */
    public IssuedPolicy issue(String paymentId, String actor) {
        Payment payment = lookup.require(paymentId);
        if (payment.hasPolicy()) {
            return existing(payment);
        }
        if (!payment.status().canIssuePolicy()) {
            throw notIssuable(payment);
        }
        Instant now = clock.instant();
        long sequence = policies.nextSequence(now.atZone(ZoneOffset.UTC).getYear());
        Policy policy = new Policy(Ids.newPolicyId(now), Ids.policyNumber(now, sequence), paymentId, payment.userId(),
                payment.quoteId(), payment.productName(), payment.amount(), payment.currency(), payment.customerEmail(), now,
                actor);
        if (!policies.issue(policy)) {
            // Lost the race (or the payment changed status meanwhile): the sequence number is simply skipped.
            Payment current = lookup.require(paymentId);
            if (current.hasPolicy()) {
                return existing(current);
            }
            throw notIssuable(current);
        }
        LOG.infof("Policy %s (%s) issued for payment %s by %s", policy.policyId(), policy.policyNumber(), paymentId, actor);
        Payment issuedFor = lookup.require(paymentId);
        String url = documentUrl(policy.policyId(), now);
        boolean sent = false;
        if (payment.customerEmail() != null) {
            try {
                mailer.sendPolicyConfirmation(payment.customerEmail(), payment.productName(), policy.policyNumber(),
                        payment.money().format(), url);
                sent = true;
                mails.sent(paymentId, EmailRecord.Kind.POLICY_CONFIRMATION, actor);
            } catch (CustomerMailer.MailUnavailableException e) {
                mails.failed(paymentId, EmailRecord.Kind.POLICY_CONFIRMATION, actor);
                // The policy exists either way; the document link stays available through the API.
                LOG.warnf("Confirmation e-mail for policy %s (payment %s) not sent: %s", policy.policyId(), paymentId,
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
        }
        return new IssuedPolicy(policy, issuedFor, url, true, sent);
    }

    private static CheckoutProblem notIssuable(Payment payment) {
        return CheckoutProblem.invalidStatus(payment, "Payment " + payment.paymentId() + " is " + payment.status().wireName()
                + "; a policy can only be issued for a completed payment (or one partly refunded).");
    }

    private IssuedPolicy existing(Payment payment) {
        Policy policy = policies.find(payment.policyId()).orElseThrow(() -> new IllegalStateException(
                "payment " + payment.paymentId() + " links to missing policy " + payment.policyId()));
        return new IssuedPolicy(policy, payment, documentUrl(policy.policyId(), clock.instant()), false, false);
    }

    /** A signed, expiring link to pages-service; the token is verified there with the same shared key. */
    String documentUrl(String policyId, Instant now) {
        String token = signer.sign(policyId, now.plus(settings.policyLinkValidity()));
        return settings.pagesBaseUrl() + "/policies/" + policyId + ".pdf?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
