package com.insurepay.checkout.service;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.config.CheckoutSettings.PaidAfterClose;
import com.insurepay.checkout.mail.CustomerMailer;
import com.insurepay.checkout.service.RefundService.RefundOutcome;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentQueries;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Money that arrived after we closed its payment ({@code paid_after_close}) is never kept silently. With
 * {@code checkout.paid-after-close=refund} (the default) it is refunded in full and the customer is told that nothing
 * was charged in the end; with {@code hold} it waits for an operator, counted by the gauge
 * {@code checkout_paid_after_close_held}. Safe with several replicas: the refund's idempotency key is derived from the
 * payment, so every replica asks for the same refund and Stripe makes it once; only the one whose request made it
 * sends the e-mail.
 */
@ApplicationScoped
public class LateMoneyService {

    private static final Logger LOG = Logger.getLogger(LateMoneyService.class);
    private static final int PAGE = 100;
    static final String REFUND_KEY_PREFIX = "paid-after-close-";

    private final PaymentQueries queries;
    private final RefundService refunds;
    private final CustomerMailer mailer;
    private final MailRecorder mails;
    private final CheckoutSettings settings;
    private final MeterRegistry metrics;
    private final AtomicLong held = new AtomicLong();

    public LateMoneyService(PaymentQueries queries, RefundService refunds, CustomerMailer mailer, MailRecorder mails,
            CheckoutSettings settings, MeterRegistry metrics) {
        this.queries = queries;
        this.refunds = refunds;
        this.mailer = mailer;
        this.mails = mails;
        this.settings = settings;
        this.metrics = metrics;
        metrics.gauge("checkout.paid.after.close.held", held);
    }

    public record Report(int refunded, int held, int errors) {
    }

    public Report run() {
        int refunded = 0;
        int waiting = 0;
        int errors = 0;
        String cursor = null;
        do {
            Page<Payment> page = queries.findPaidAfterClose(PAGE, cursor);
            for (Payment p : page.items()) {
                if (settings.paidAfterClose() == PaidAfterClose.HOLD) {
                    waiting++;
                    continue;
                }
                try {
                    refunded += giveBack(p) ? 1 : 0;
                } catch (CheckoutProblem e) {
                    if (RefundService.REFUND_IN_PROGRESS.equals(e.code())) {
                        // Another run (another replica) is making this very refund: its result, not an error.
                        LOG.debugf("Late money of payment %s is being refunded by another run", p.paymentId());
                        continue;
                    }
                    errors++;
                    metrics.counter("checkout.paid.after.close.errors").increment();
                    LOG.warnf("Late money of payment %s not refunded yet: %s", p.paymentId(), e.getMessage());
                } catch (com.insurepay.checkout.stripe.PaymentProviderException e) {
                    errors++;
                    metrics.counter("checkout.paid.after.close.errors").increment();
                    LOG.warnf("Late money of payment %s not refunded yet: %s", p.paymentId(), e.getMessage());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        held.set(waiting);
        if (waiting > 0) {
            LOG.warnf("%d payment(s) paid after close are held for an operator (checkout.paid-after-close=hold)", waiting);
        }
        return new Report(refunded, waiting, errors);
    }

    /** @return true if this call made the refund */
    boolean giveBack(Payment p) {
        RefundOutcome outcome = refunds.refund(p.paymentId(), null, "requested_by_customer", REFUND_KEY_PREFIX + p.paymentId(),
                TransitionCause.RECONCILIATION);
        if (!outcome.made()) {
            return false;
        }
        metrics.counter("checkout.paid.after.close.refunded").increment();
        LOG.infof("Late money of payment %s refunded in full (%s)", p.paymentId(), outcome.refund().refundId());
        if (p.customerEmail() != null) {
            try {
                mailer.sendLatePaymentRefunded(p.customerEmail(), p.productName(), p.money().format());
                mails.sent(p.paymentId(), EmailRecord.Kind.LATE_PAYMENT_REFUNDED, TransitionCause.RECONCILIATION);
            } catch (CustomerMailer.MailUnavailableException e) {
                mails.failed(p.paymentId(), EmailRecord.Kind.LATE_PAYMENT_REFUNDED, TransitionCause.RECONCILIATION);
                LOG.warnf("Refund notice for payment %s not sent: %s", p.paymentId(), e.getMessage());
            }
        }
        return true;
    }
}
