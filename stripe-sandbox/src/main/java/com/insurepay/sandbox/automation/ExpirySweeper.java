package com.insurepay.sandbox.automation;

import com.insurepay.sandbox.service.CheckoutService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/** Expires open sessions past expires_at, as Stripe does on its own. */
@ApplicationScoped
public class ExpirySweeper {

    private static final Logger LOG = Logger.getLogger(ExpirySweeper.class);

    @Inject
    CheckoutService checkout;

    @Scheduled(every = "${sandbox.expiry-sweep.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<String> expired = checkout.expireDue();
        if (!expired.isEmpty()) {
            LOG.infof("Expired %d checkout session(s): %s", expired.size(), expired);
        }
    }
}
