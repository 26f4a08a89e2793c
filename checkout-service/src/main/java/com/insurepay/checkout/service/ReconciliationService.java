package com.insurepay.checkout.service;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.stripe.StripeRecords.SessionState;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The janitor: asks Stripe about payments still open after their session's expiry (plus a grace period for
 * in-flight webhooks) or older than {@code reconciliation.min-age}, and applies what Stripe says with the same
 * evidence rule and state machine as the webhooks; then gives back money that came after we closed its payment.
 * Every write is conditional, so replicas running it at the same time cannot disagree; a lost race is simply a
 * payment someone else already fixed.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);
    private static final int PAGE = 100;
    private static final int MAX_PER_RUN = 1000;

    private final PaymentQueries queries;
    private final PaymentLookup lookup;
    private final SessionOutcomes outcomes;
    private final PaymentLinkService linkService;
    private final LateMoneyService lateMoney;
    private final StripeGateway stripe;
    private final com.insurepay.common.store.PaymentRepository payments;
    private final CheckoutSettings settings;
    private final MeterRegistry metrics;
    private final Clock clock;
    /** Payments past their expiry (or min-age) still open after the last run: checkout_reconciliation_backlog. */
    private final AtomicLong backlog = new AtomicLong();
    /** When the last run ended, epoch seconds: checkout_reconciliation_last_run_seconds. */
    private final AtomicLong lastRun = new AtomicLong();

    public ReconciliationService(PaymentQueries queries, PaymentLookup lookup, SessionOutcomes outcomes,
            PaymentLinkService linkService, LateMoneyService lateMoney, StripeGateway stripe,
            com.insurepay.common.store.PaymentRepository payments, CheckoutSettings settings, MeterRegistry metrics, Clock clock) {
        this.queries = queries;
        this.lookup = lookup;
        this.outcomes = outcomes;
        this.linkService = linkService;
        this.lateMoney = lateMoney;
        this.stripe = stripe;
        this.payments = payments;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        Gauge.builder("checkout.reconciliation.backlog", backlog, AtomicLong::get)
                .description("Overdue open payments the last reconciliation run could not close").register(metrics);
        Gauge.builder("checkout.reconciliation.last.run", lastRun, AtomicLong::get).baseUnit("seconds")
                .description("End of the last reconciliation run (Unix time)").register(metrics);
    }

    public record Change(String paymentIntentId, String from, String to) {
    }

    public record Report(int checked, List<Change> changed, int linksDeactivated, int errors, LateMoneyService.Report lateMoney) {
    }

    @Scheduled(identity = "reconciliation", every = "${reconciliation.every}", delay = 30, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Report report = run();
        if (!report.changed().isEmpty() || report.errors() > 0 || report.lateMoney().refunded() > 0) {
            LOG.infof("Reconciliation checked %d, changed %d, deactivated %d links, %d errors; late money refunded %d, held %d",
                    report.checked(), report.changed().size(), report.linksDeactivated(), report.errors(),
                    report.lateMoney().refunded(), report.lateMoney().held());
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
            Page<Payment> page = queries.findOpenExpiringBefore(cutoff, PAGE, cursor);
            for (Payment p : page.items()) {
                boolean due = p.expiresAt() != null && p.expiresAt().isBefore(pastExpiry) || p.createdAt().isBefore(oldEnough);
                if (!due || !p.status().isOpen()) {
                    continue;
                }
                checked++;
                try {
                    Outcome outcome = reconcile(p, now, pastExpiry);
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
        backlog.set(checked - changes.size());
        lastRun.set(now.getEpochSecond());
        return new Report(checked, changes, deactivated, errors, lateMoney.run());
    }

    private record Outcome(PaymentStatus to, boolean linkDeactivated) {
        static final Outcome NONE = new Outcome(null, false);
    }

    private Outcome reconcile(Payment p, Instant now, Instant pastExpiry) {
        return p.kind() == PaymentKind.PAYMENT_LINK ? reconcileLink(p, now) : reconcileCheckout(p, pastExpiry);
    }

    private Outcome reconcileCheckout(Payment p, Instant pastExpiry) {
        TransitionCause cause = TransitionCause.reconciliation("checkout session");
        if (p.stripeSessionId() == null) {
            // Crashed between writing the payment and attaching its session: nobody was given a URL to pay.
            if (p.expiresAt() != null && p.expiresAt().isBefore(pastExpiry)) {
                return changed(payments.apply(p.paymentId(), Transition.to(PaymentStatus.EXPIRED,
                        cause.withDetail("no checkout session was attached"))));
            }
            return Outcome.NONE;
        }
        SessionState session = stripe.retrieveSession(p.stripeSessionId());
        if (session.paid()) {
            return changed(outcomes.applyPaid(p.paymentId(), session, cause.withDetail("checkout session complete")));
        }
        if (session.expired()) {
            return changed(outcomes.applyExpired(p.paymentId(), session, cause.withDetail("checkout session expired")));
        }
        return Outcome.NONE;
    }

    private Outcome reconcileLink(Payment p, Instant now) {
        if (p.paymentLinkId() != null) {
            Optional<SessionState> paid = stripe.sessionsOfPaymentLink(p.paymentLinkId()).stream().filter(SessionState::paid).findFirst();
            if (paid.isPresent()) {
                return changed(outcomes.applyPaid(p.paymentId(), paid.get(),
                        TransitionCause.reconciliation("payment link session complete")));
            }
        }
        boolean deactivated = linkService.expireIfStale(p, now);
        Payment after = lookup.require(p.paymentId());
        return new Outcome(after.status() == PaymentStatus.EXPIRED ? PaymentStatus.EXPIRED : null, deactivated);
    }

    private static Outcome changed(TransitionResult r) {
        return r.applied() ? new Outcome(r.payment().status(), false) : Outcome.NONE;
    }

    /** Reconciles one payment now, whatever its age (tests, support tooling). */
    public Optional<Change> reconcileNow(String paymentId) {
        Payment p = lookup.require(paymentId);
        if (!p.status().isOpen()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Outcome o = reconcile(p, now, now);
        return o.to() == null ? Optional.empty() : Optional.of(new Change(paymentId, p.status().wireName(), o.to().wireName()));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
