package com.insurepay.checkout.followup;

import com.insurepay.common.analytics.AnalyticsRollup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the analytics rollup ({@code checkout.analytics.rollup-every}, default 5 s; one sweep at a time per replica).
 * Replicas may sweep at once: each payment is counted by one conditional transaction, so one of them wins.
 */
@ApplicationScoped
public class AnalyticsRollupJob {

    private static final Logger LOG = Logger.getLogger(AnalyticsRollupJob.class);

    private final AnalyticsRollup rollup;
    private final Counter errors;

    public AnalyticsRollupJob(AnalyticsRollup rollup, MeterRegistry metrics) {
        this.rollup = rollup;
        this.errors = Counter.builder("insurepay.analytics.rollup.errors").description("Analytics rollup sweeps that failed")
                .register(metrics);
    }

    @Scheduled(identity = "analytics-rollup", every = "${checkout.analytics.rollup-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            AnalyticsRollup.Sweep sweep = rollup.sweep();
            if (sweep.found() > 0) {
                LOG.debugf("analytics rollup: %s", sweep);
            }
        } catch (RuntimeException e) {
            // Nothing is half-counted: each payment is one transaction; what is left stays due for the next sweep.
            errors.increment();
            LOG.warnf("Analytics rollup paused: %s", e.toString());
        }
    }
}
