package com.insurepay.checkout.service;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.store.PaymentLinkRecord;
import com.insurepay.checkout.store.PaymentLinkRepository;
import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.stripe.StripeRecords.SessionState;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The janitor: asks Stripe about payments still open after their session's expiry (plus a grace period for
 * in-flight webhooks) or older than {@code reconciliation.min-age}, and applies what Stripe says through the same
 * state machine. Every write is conditional, so replicas running it at the same time cannot disagree; a lost race
 * is simply a payment someone else already fixed.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);
    private static final int PAGE = 100;
    private static final int MAX_PER_RUN = 1000;

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentLinkRepository links;

    @Inject
    PaymentLinkService linkService;

    @Inject
    PaymentService paymentService;

    @Inject
    StripeGateway stripe;

    @Inject
    CheckoutSettings settings;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    public record Change(String paymentIntentId, String from, String to) {
    }

    public record Report(int checked, List<Change> changed, int linksDeactivated, int errors) {
    }

    @Scheduled(identity = "reconciliation", every = "${reconciliation.every}", delay = 30, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Report report = run();
        if (!report.changed().isEmpty() || report.errors() > 0) {
            LOG.infof("Reconciliation checked %d, changed %d, deactivated %d links, %d errors", report.checked(),
                    report.changed().size(), report.linksDeactivated(), report.errors());
        }
    }

    public synchronized Report run() {
        Instant now = clock.instant();
        Instant pastExpiry = now.minus(settings.reconciliationGrace());
        Instant oldEnough = now.minus(settings.reconciliationMinAge());
        // expires_at = created_at + TTL, so "created before oldEnough" is "expires before oldEnough + TTL".
        Instant cutoff = max(pastExpiry, oldEnough.plus(settings.sessionTtl()));
        List<Change> changes = new ArrayList<>();
        int checked = 0;
        int deactivated = 0;
        int errors = 0;
        String cursor = null;
        do {
            Page<Payment> page = payments.findOpenExpiringBefore(cutoff, PAGE, cursor);
            for (Payment p : page.items()) {
                boolean due = p.expiresAt() != null && p.expiresAt().isBefore(pastExpiry) || p.createdAt().isBefore(oldEnough);
                if (!due) {
                    continue;
                }
                checked++;
                try {
                    Outcome outcome = p.kind() == PaymentKind.PAYMENT_LINK ? reconcileLink(p, now) : reconcileCheckout(p, pastExpiry);
                    if (outcome.to() != null) {
                        changes.add(new Change(p.paymentId(), p.status().wireName(), outcome.to().wireName()));
                        metrics.counter("checkout.reconciliation.fixed", "to", outcome.to().wireName()).increment();
                        LOG.infof("Reconciliation moved payment %s from %s to %s", p.paymentId(), p.status(), outcome.to());
                    }
                    if (outcome.linkDeactivated()) {
                        deactivated++;
                        metrics.counter("checkout.reconciliation.links_deactivated").increment();
                    }
                } catch (PaymentProviderException | CheckoutProblem e) {
                    errors++;
                    metrics.counter("checkout.reconciliation.errors").increment();
                    LOG.warnf("Reconciliation of payment %s failed: %s", p.paymentId(), e.getMessage());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && checked < MAX_PER_RUN);
        metrics.counter("checkout.reconciliation.runs").increment();
        return new Report(checked, changes, deactivated, errors);
    }

    private record Outcome(PaymentStatus to, boolean linkDeactivated) {
        static final Outcome NONE = new Outcome(null, false);
    }

    private Outcome reconcileCheckout(Payment p, Instant pastExpiry) {
        if (p.stripeSessionId() == null) {
            // Crashed between writing the payment and attaching its session: nobody was given a URL to pay.
            if (p.expiresAt() != null && p.expiresAt().isBefore(pastExpiry)) {
                return apply(p, PaymentStatus.EXPIRED, PaymentChanges.NONE, "no checkout session was attached");
            }
            return Outcome.NONE;
        }
        SessionState session = stripe.retrieveSession(p.stripeSessionId());
        if (session.paid()) {
            PaymentChanges changes = PaymentChanges.NONE.clearingFailureReason();
            if (session.paymentIntent() != null) {
                changes = changes.withStripePaymentIntent(session.paymentIntent());
            }
            return apply(p, PaymentStatus.COMPLETED, changes, "checkout session complete");
        }
        if (session.expired()) {
            return apply(p, PaymentStatus.EXPIRED, PaymentChanges.NONE, "checkout session expired");
        }
        return Outcome.NONE;
    }

    private Outcome reconcileLink(Payment p, Instant now) {
        if (p.paymentLinkId() != null) {
            Optional<SessionState> paid = stripe.sessionsOfPaymentLink(p.paymentLinkId()).stream().filter(SessionState::paid).findFirst();
            if (paid.isPresent()) {
                PaymentChanges changes = PaymentChanges.NONE.clearingFailureReason();
                if (paid.get().paymentIntent() != null) {
                    changes = changes.withStripePaymentIntent(paid.get().paymentIntent());
                }
                return apply(p, PaymentStatus.COMPLETED, changes, "payment link session complete");
            }
        }
        if (p.expiresAt() == null || p.expiresAt().isAfter(now)) {
            return Outcome.NONE;
        }
        Optional<PaymentLinkRecord> record = links.find(p.quoteId()).filter(r -> p.paymentId().equals(r.paymentId()));
        boolean deactivated;
        if (record.isPresent()) {
            deactivated = linkService.expire(record.get(), p, TransitionCause.reconciliation("payment link expired"));
        } else {
            // An older link of the quote, already replaced: make sure it cannot be paid any more.
            if (p.paymentLinkId() != null) {
                stripe.deactivatePaymentLink(p.paymentLinkId(), PaymentLinkService.INACTIVE_MESSAGE);
            }
            deactivated = p.paymentLinkId() != null;
            payments.transition(p.paymentId(), EnumSet.of(PaymentStatus.PENDING, PaymentStatus.FAILED), PaymentStatus.EXPIRED,
                    TransitionCause.reconciliation("payment link expired"), PaymentChanges.NONE, null);
        }
        Payment after = payments.find(p.paymentId()).orElse(p);
        return new Outcome(after.status() == PaymentStatus.EXPIRED ? PaymentStatus.EXPIRED : null, deactivated);
    }

    private Outcome apply(Payment p, PaymentStatus to, PaymentChanges changes, String detail) {
        var result = payments.transition(p.paymentId(), EnumSet.of(PaymentStatus.PENDING, PaymentStatus.FAILED), to,
                TransitionCause.reconciliation(detail), changes, null);
        return result.applied() ? new Outcome(to, false) : Outcome.NONE;
    }

    /** Reconciles one payment now, whatever its age (tests, support tooling). */
    public Optional<Change> reconcileNow(String paymentId) {
        Payment p = paymentService.require(paymentId);
        if (!p.status().isOpen()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Outcome o = p.kind() == PaymentKind.PAYMENT_LINK ? reconcileLink(p, now) : reconcileCheckout(p, now);
        return o.to() == null ? Optional.empty() : Optional.of(new Change(paymentId, p.status().wireName(), o.to().wireName()));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
