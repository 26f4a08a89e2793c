package com.insurepay.checkout.service;

import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.EmailRecord.Kind;
import com.insurepay.common.payment.EmailRecord.Outcome;
import com.insurepay.common.store.PaymentEmails;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Records each attempt to e-mail a customer about a payment on the payment itself (kind, sent or failed, actor, MCP
 * request id: never the address or the body), for the operators' timeline. Best effort by design: the e-mail and the
 * business operation behind it (a policy issued, late money refunded) have happened whatever this write does, so a
 * failed record is logged with the payment id and counted ({@code checkout_mail_record_failures_total{kind}}), never
 * thrown.
 */
@ApplicationScoped
public class MailRecorder {

    private static final Logger LOG = Logger.getLogger(MailRecorder.class);
    static final String RECORD_FAILURES = "checkout.mail.record.failures";

    private final PaymentEmails emails;
    private final MeterRegistry metrics;
    private final Clock clock;

    public MailRecorder(PaymentEmails emails, MeterRegistry metrics, Clock clock) {
        this.emails = emails;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void sent(String paymentId, Kind kind, String actor) {
        record(paymentId, kind, Outcome.SENT, actor);
    }

    public void failed(String paymentId, Kind kind, String actor) {
        record(paymentId, kind, Outcome.FAILED, actor);
    }

    public void record(String paymentId, Kind kind, Outcome outcome, String actor) {
        try {
            EmailRecord record = new EmailRecord(clock.instant(), kind, outcome, actor, CallTrace.current().requestId());
            if (!emails.recordEmail(paymentId, record)) {
                LOG.warnf("E-mail %s (%s) of payment %s not recorded: no such payment", kind.wireName(), outcome.wireName(),
                        paymentId);
            }
        } catch (RuntimeException e) {
            metrics.counter(RECORD_FAILURES, "kind", kind.wireName()).increment();
            LOG.warnf("E-mail %s (%s) of payment %s not recorded: %s", kind.wireName(), outcome.wireName(), paymentId,
                    e.getMessage());
        }
    }
}
