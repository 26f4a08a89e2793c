package com.insurepay.checkout.service;

import com.insurepay.checkout.config.StripeSettings;
import com.insurepay.checkout.store.QuoteLeaseRepository;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.store.PaymentQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One way to pay a quote at a time. Whoever makes a payable object for a quote (a checkout, a payment link) holds
 * the quote's lease, renewed before every Stripe call so it outlives the call with all its retries; a second request
 * meanwhile is told at once to retry (409 {@code checkout_in_progress}) rather than kept waiting. Before a new way to
 * pay is made, the quote's other open ones are closed at Stripe; a quote that is paid is never sold again.
 */
@ApplicationScoped
public class QuoteGuard {

    private static final Logger LOG = Logger.getLogger(QuoteGuard.class);
    /** Time left on the lease after each renewal, beyond one Stripe call's whole budget. */
    private static final Duration MARGIN = Duration.ofSeconds(15);
    static final int QUOTE_SCAN = 50;

    private final QuoteLeaseRepository leases;
    private final PaymentQueries queries;
    private final CancelService cancels;
    private final Duration leaseDuration;

    public QuoteGuard(QuoteLeaseRepository leases, PaymentQueries queries, CancelService cancels, StripeSettings stripe) {
        this.leases = leases;
        this.queries = queries;
        this.cancels = cancels;
        this.leaseDuration = stripe.callBudget().plus(MARGIN);
    }

    /** The quote's lease while a way to pay it is made. Renew it before every Stripe call; close it when done. */
    public final class Lease implements AutoCloseable {

        private final String tenant;
        private final String quoteId;
        private final String holder = UUID.randomUUID().toString();

        private Lease(String tenant, String quoteId) {
            this.tenant = tenant;
            this.quoteId = quoteId;
        }

        /** Extends the lease by a whole Stripe call budget; another holder having taken it over ends this request. */
        public void renew() {
            if (!leases.renew(tenant, quoteId, holder, leaseDuration)) {
                throw inProgress();
            }
        }

        @Override
        public void close() {
            leases.release(tenant, quoteId, holder);
        }
    }

    /** @throws CheckoutProblem 409 {@code checkout_in_progress} when another request holds the quote's lease */
    public Lease lease(String tenant, String quoteId) {
        Lease lease = new Lease(tenant, quoteId);
        if (!leases.acquire(tenant, quoteId, lease.holder, leaseDuration)) {
            throw inProgress();
        }
        return lease;
    }

    /** The tenant's payments of the quote (another tenant's identical quote id is another quote). */
    public List<Payment> paymentsOf(String tenant, String quoteId) {
        return queries.findByQuote(tenant, quoteId, QUOTE_SCAN);
    }

    /** @throws CheckoutProblem 409 {@code quote_already_paid} when one of the quote's payments took money */
    public void rejectIfPaid(List<Payment> ofQuote) {
        ofQuote.stream().filter(p -> p.status().isPaid()).findFirst().ifPresent(paid -> {
            String policy = paid.policyNumber() == null ? "" : " (policy " + paid.policyNumber() + ")";
            throw CheckoutProblem.of(409, "quote_already_paid", "This quote is already paid: payment " + paid.paymentId()
                    + " is " + paid.status().wireName() + policy + ".", paid);
        });
    }

    /**
     * Closes at Stripe and cancels every open payment of the quote of the given kinds (another price, a session past
     * its expiry that Stripe has not closed yet, a checkout replaced by a payment link), so the customer can never
     * pay the quote twice. One of them found paid meanwhile means the quote is paid: 409.
     */
    public void supersedeOpenPayments(String tenant, String quoteId, List<Payment> ofQuote, Set<PaymentKind> kinds, String replacement,
            Lease lease, String actor) {
        for (Payment open : ofQuote) {
            if (!open.status().isOpen() || !kinds.contains(open.kind())) {
                continue;
            }
            lease.renew();
            try {
                cancels.cancel(open, "superseded by " + replacement + " for the quote", actor);
                LOG.infof("Payment %s superseded by %s for its quote", open.paymentId(), replacement);
            } catch (CheckoutProblem e) {
                rejectIfPaid(paymentsOf(tenant, quoteId));
                if (e.status() != 409) {
                    throw e;
                }
                // Closed meanwhile (expired or cancelled by someone else): nothing left to supersede.
            }
        }
    }

    private static CheckoutProblem inProgress() {
        return CheckoutProblem.of(409, "checkout_in_progress",
                "A checkout or payment link for this quote is being created right now; please retry in a few seconds.", null);
    }
}
