package com.insurepay.webhook.service;

import com.insurepay.webhook.config.StripeWebhookConfig;
import com.insurepay.webhook.service.RejectedDeliveryException.Reason;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Checks the {@code Stripe-Signature} header with stripe-java against every configured endpoint secret, so a
 * secret can be rotated without dropping deliveries signed with the old one.
 */
@ApplicationScoped
public class StripeSignatureVerifier {

    private static final Logger LOG = Logger.getLogger(StripeSignatureVerifier.class);

    private final List<String> secrets;
    private final long toleranceSeconds;
    private final Clock clock;

    public StripeSignatureVerifier(StripeWebhookConfig config, Clock clock) {
        this.secrets = config.webhookSecrets().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (secrets.isEmpty()) {
            throw new IllegalStateException("stripe.webhook-secrets (env STRIPE_WEBHOOK_SECRET) is empty");
        }
        secrets.stream().filter(s -> !s.startsWith("whsec_")).findAny()
                .ifPresent(s -> LOG.warn("a configured Stripe webhook secret does not start with whsec_"));
        this.toleranceSeconds = config.webhookTolerance().toSeconds();
        this.clock = clock;
    }

    /** @throws RejectedDeliveryException unless one of the secrets signed exactly this payload recently enough */
    public void verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new RejectedDeliveryException(Reason.MISSING_SIGNATURE);
        }
        Reason reason = Reason.SIGNATURE_MISMATCH;
        for (String secret : secrets) {
            try {
                // The signature only: Webhook.constructEvent would also parse the whole event into stripe-java's
                // typed Event with Gson (reflection), which we never use (StripeEvent reads the raw JSON once).
                Webhook.Signature.verifyHeader(payload, signatureHeader, secret, toleranceSeconds, clock);
                return;
            } catch (SignatureVerificationException e) {
                Reason r = reasonOf(e);
                // A stale timestamp under one secret says more than "no match" under the others.
                if (r != Reason.SIGNATURE_MISMATCH) {
                    reason = r;
                }
            } catch (RuntimeException unreadable) { // a header stripe-java cannot even take apart
                throw new RejectedDeliveryException(Reason.MALFORMED_EVENT);
            }
        }
        throw new RejectedDeliveryException(reason);
    }

    private static Reason reasonOf(SignatureVerificationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("tolerance")) {
            return Reason.TIMESTAMP_OUTSIDE_TOLERANCE;
        }
        if (message.contains("Unable to extract") || message.contains("expected scheme")) {
            return Reason.MALFORMED_SIGNATURE;
        }
        return Reason.SIGNATURE_MISMATCH;
    }
}
