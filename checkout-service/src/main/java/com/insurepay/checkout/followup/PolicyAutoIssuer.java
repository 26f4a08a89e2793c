package com.insurepay.checkout.followup;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.service.CheckoutProblem;
import com.insurepay.checkout.service.PolicyService;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.common.store.PaymentRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A paid payment gets its policy even if the assistant never comes back (a pay-later customer may pay days after
 * the chat ended). Every write that makes a payment paid and kept puts it in the {@code POLICY_DUE} bucket of the
 * sparse open-payments index; issuing the policy takes it out in the same transaction. This sweep reads the bucket
 * and, once {@code checkout.policy.auto-issue-after} (default 2 minutes, time for the assistant's own
 * complete_purchase) has passed since the money arrived, issues the policy as {@code system}, which also e-mails the
 * customer the policy number and document link. Exactly one policy per payment: issuing is conditional, so the
 * assistant and this sweep (on several replicas) can race safely. A payment that cannot have a policy any more
 * (refunded, disputed) or already has one just leaves the bucket.
 */
@ApplicationScoped
public class PolicyAutoIssuer {

    private static final Logger LOG = Logger.getLogger(PolicyAutoIssuer.class);
    private static final int PAGE = 100;

    private final PolicyService policies;
    private final PaymentQueries queries;
    private final PaymentRepository payments;
    private final CheckoutSettings settings;
    private final Clock clock;
    private final Timer lag;
    private final Counter errors;
    /** After the last sweep: paid payments waiting for their policy, and the age of the oldest one's money. */
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong oldestDue = new AtomicLong();

    public PolicyAutoIssuer(PolicyService policies, PaymentQueries queries, PaymentRepository payments,
            CheckoutSettings settings, Clock clock, MeterRegistry metrics) {
        this.policies = policies;
        this.queries = queries;
        this.payments = payments;
        this.settings = settings;
        this.clock = clock;
        this.lag = Timer.builder("checkout.policy.issuance.lag")
                .description("From the money arriving to the policy being issued automatically").publishPercentileHistogram()
                .register(metrics);
        this.errors = Counter.builder("checkout.policy.issuance.errors")
                .description("Automatic policy issuance sweeps that failed").register(metrics);
        Gauge.builder("checkout.policy.due", due, AtomicLong::get)
                .description("Paid payments still without a policy after the last sweep").register(metrics);
        Gauge.builder("checkout.policy.due.oldest", oldestDue, AtomicLong::get).baseUnit("seconds")
                .description("Age of the money of the oldest paid payment still without a policy after the last sweep")
                .register(metrics);
    }

    /** What one sweep did. */
    public record Sweep(int issued, int waiting, int cleared) {
    }

    @Scheduled(identity = "policy-auto-issue", every = "${checkout.policy.auto-issue-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            errors.increment();
            LOG.warnf("Automatic policy issuance paused: %s", e.toString());
        }
    }

    /** Handles every payment in the policy-due bucket once. */
    public Sweep sweep() {
        int issued = 0;
        int waiting = 0;
        int cleared = 0;
        int notIssued = 0;
        long oldest = 0;
        Instant now = clock.instant();
        String cursor = null;
        do {
            Page<Payment> page = queries.findPolicyDue(PAGE, cursor);
            for (Payment payment : page.items()) {
                if (!payment.status().canIssuePolicy() || payment.hasPolicy() || payment.paidAt() == null) {
                    cleared += payments.clearPolicyDue(payment.paymentId()) ? 1 : 0;
                } else if (now.isBefore(payment.paidAt().plus(settings.policyAutoIssueAfter()))) {
                    waiting++;
                    oldest = Math.max(oldest, Duration.between(payment.paidAt(), now).toSeconds());
                } else if (issue(payment, now)) {
                    issued++;
                } else {
                    notIssued++;
                    oldest = Math.max(oldest, Duration.between(payment.paidAt(), now).toSeconds());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        due.set(waiting + notIssued);
        oldestDue.set(oldest);
        return new Sweep(issued, waiting, cleared);
    }

    private boolean issue(Payment payment, Instant now) {
        try {
            PolicyService.IssuedPolicy issued = policies.issue(payment.paymentId(), TransitionCause.SYSTEM);
            if (issued.created()) {
                lag.record(Duration.between(payment.paidAt(), now));
                LOG.infof("Policy %s issued automatically for payment %s (nobody asked within %s)",
                        issued.policy().policyNumber(), payment.paymentId(), settings.policyAutoIssueAfter());
                return true;
            }
            // Issued by someone else since the query (the assistant, another replica): only the marker is left.
            payments.clearPolicyDue(payment.paymentId());
        } catch (CheckoutProblem changed) {
            // Refunded or disputed since the query: no cover to issue; the next sweep clears the marker.
            LOG.debugf("No automatic policy for payment %s: %s", payment.paymentId(), changed.getMessage());
        }
        return false;
    }
}
