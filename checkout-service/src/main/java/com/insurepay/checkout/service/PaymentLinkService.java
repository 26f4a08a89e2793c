package com.insurepay.checkout.service;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.mail.CustomerMailer;
import com.insurepay.checkout.store.PaymentLinkRecord;
import com.insurepay.checkout.store.PaymentLinkRepository;
import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.stripe.StripeRecords.PaymentLinkRef;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Pay later: one saved purchase per quote, sold through a single-use Stripe Payment Link that WE expire (Stripe
 * links live forever): after {@code payment-link.validity} the link is deactivated at Stripe, the sessions already
 * opened from it are expired, its payment expires, and the next read makes a fresh one. Making a link takes the
 * quote's lease, like a checkout does, so a quote never has two payable objects at once.
 */
@ApplicationScoped
public class PaymentLinkService {

    private static final Logger LOG = Logger.getLogger(PaymentLinkService.class);

    private final PaymentRepository payments;
    private final PaymentLookup lookup;
    private final PaymentLinkRepository links;
    private final QuoteGuard guard;
    private final PaymentCloser closer;
    private final StripeGateway stripe;
    private final CustomerMailer mailer;
    private final MailRecorder mails;
    private final CheckoutSettings settings;
    private final Clock clock;

    public PaymentLinkService(PaymentRepository payments, PaymentLookup lookup, PaymentLinkRepository links, QuoteGuard guard,
            PaymentCloser closer, StripeGateway stripe, CustomerMailer mailer,
            MailRecorder mails, CheckoutSettings settings, Clock clock) {
        this.payments = payments;
        this.lookup = lookup;
        this.links = links;
        this.guard = guard;
        this.closer = closer;
        this.stripe = stripe;
        this.mailer = mailer;
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    public record SaveForLater(String tenant, String quoteId, String userId, String customerEmail, String productName,
            Money money, String policyId, String notes, String actor) {
    }

    public record LinkState(PaymentLinkRecord link, Payment payment, boolean created) {

        public boolean isActive(Instant now) {
            return link.liveAt(now) && payment.status().isOpen();
        }
    }

    public record EmailSent(String quoteId, String sentTo, Instant sentAt, String paymentLinkUrl) {
    }

    public LinkState save(SaveForLater cmd) {
        try (QuoteGuard.Lease lease = guard.lease(cmd.tenant(), cmd.quoteId())) {
            List<Payment> ofQuote = guard.paymentsOf(cmd.tenant(), cmd.quoteId());
            guard.rejectIfPaid(ofQuote);
            // "Pay later" replaces a checkout the customer did not pay: one way to pay a quote at a time.
            guard.supersedeOpenPayments(cmd.tenant(), cmd.quoteId(), ofQuote, EnumSet.of(PaymentKind.CHECKOUT), "a payment link", lease,
                    cmd.actor());
            Optional<PaymentLinkRecord> existing = links.find(cmd.tenant(), cmd.quoteId());
            if (existing.isPresent()) {
                LinkState current = currentOrClosed(existing.get(), cmd.actor());
                if (current != null) {
                    return current;
                }
            }
            return createLink(cmd, existing.map(PaymentLinkRecord::version).orElse(-1L), lease);
        }
    }

    /** The caller's tenant's saved quote; another tenant's quote of the same id is not this one (404 if never saved). */
    public LinkState get(String tenant, String quoteId, String actor) {
        PaymentLinkRecord record = links.find(tenant, quoteId)
                .orElseThrow(() -> CheckoutProblem.notFound("Quote " + quoteId + " was never saved for later."));
        LinkState current = currentOrClosed(record, actor);
        if (current != null) {
            return current;
        }
        try (QuoteGuard.Lease lease = guard.lease(tenant, quoteId)) {
            PaymentLinkRecord latest = links.find(tenant, quoteId).orElseThrow();
            LinkState again = currentOrClosed(latest, actor);
            if (again != null) {
                return again;
            }
            return createLink(new SaveForLater(tenant, latest.quoteId(), latest.userId(),
                    latest.customerEmail(), latest.productName(), new Money(latest.amount(), latest.currency()),
                    latest.policyId(), latest.notes(), actor), latest.version(), lease);
        }
    }

    public EmailSent sendEmail(String tenant, String quoteId, String email, String customerName, String actor) {
        LinkState state = get(tenant, quoteId, actor);
        if (state.payment().status().isPaid()) {
            throw CheckoutProblem.of(409, "quote_already_paid", "This quote is already paid (payment "
                    + state.payment().paymentId() + "); no payment link needs to be sent.", state.payment());
        }
        PaymentLinkRecord link = state.link();
        try {
            mailer.sendPaymentLink(email, customerName, link.productName(),
                    new Money(link.amount(), link.currency()).format(), link.url(), link.expiresAt());
        } catch (CustomerMailer.MailUnavailableException e) {
            recordLinkMail(link, EmailRecord.Outcome.FAILED, actor);
            LOG.warnf("Payment link e-mail for payment %s not sent: %s", link.paymentId(),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            throw CheckoutProblem.mailUnavailable();
        }
        recordLinkMail(link, EmailRecord.Outcome.SENT, actor);
        Instant sentAt = clock.instant();
        for (int attempt = 0; attempt < 5; attempt++) {
            PaymentLinkRecord latest = links.find(tenant, quoteId).orElseThrow();
            if (links.save(latest.withSent(email, sentAt))) {
                break;
            }
        }
        payments.updateCustomerEmail(link.paymentId(), email);
        LOG.infof("Payment link of payment %s e-mailed", link.paymentId());
        return new EmailSent(quoteId, email, sentAt, link.url());
    }

    /**
     * The attempt is recorded on the link's payment too (the saved link keeps only the last e-mail sent, with no
     * failures); a link without a payment id (none exists) keeps only its saved-link record.
     */
    private void recordLinkMail(PaymentLinkRecord link, EmailRecord.Outcome outcome, String actor) {
        if (link.paymentId() != null) {
            mails.record(link.paymentId(), EmailRecord.Kind.PAYMENT_LINK, outcome, actor);
        }
    }

    /**
     * The current state if the link is still good (live, or paid); null when it has to be replaced, after closing it
     * at Stripe (link deactivated, open sessions expired) and expiring its payment.
     */
    private LinkState currentOrClosed(PaymentLinkRecord record, String actor) {
        Payment payment = lookup.require(record.paymentId());
        Instant now = clock.instant();
        if (payment.status().isPaid() || record.liveAt(now) && payment.status().isOpen()) {
            return new LinkState(record, payment, false);
        }
        try {
            if (payment.status().isOpen()) {
                PaymentCloser.Closed closed = closer.close(payment, PaymentStatus.EXPIRED,
                        CallTrace.api("payment link expired", actor));
                if (closed.paid()) {
                    // Paid in the last minutes but the webhook has not arrived: never replace a paid link.
                    return new LinkState(record, closed.result().payment(), false);
                }
            } else {
                closer.markInactive(record);
            }
        } catch (PaymentProviderException e) {
            throw PaymentLookup.providerProblem(e, payment.paymentId());
        }
        LOG.infof("Payment link of payment %s expired; a fresh one is made", payment.paymentId());
        return null;
    }

    private LinkState createLink(SaveForLater cmd, long previousVersion, QuoteGuard.Lease lease) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.paymentLinkValidity());
        Payment pending = Payment.newPending(Ids.newPaymentId(now), cmd.tenant(), cmd.userId(), cmd.quoteId(), cmd.money(),
                cmd.productName(), cmd.customerEmail(), PaymentKind.PAYMENT_LINK, expiresAt, now);
        payments.create(pending, CallTrace.api("save_quote_for_later", cmd.actor()));
        PaymentLinkRef ref;
        try {
            lease.renew();
            ref = stripe.createPaymentLink(pending, settings.successUrl());
        } catch (PaymentProviderException e) {
            payments.apply(pending.paymentId(),
                    Transition.to(PaymentStatus.FAILED, TransitionCause.system("payment link could not be created"))
                            .with(PaymentChanges.NONE
                                    .withFailureReason(e.unavailable() ? "payment_provider_unavailable" : "payment_provider_error")));
            throw PaymentLookup.providerProblem(e, pending.paymentId());
        }
        if (payments.attachPaymentLink(pending.paymentId(), ref.id(), ref.url()).isEmpty()) {
            stripe.deactivatePaymentLink(ref.id(), PaymentCloser.INACTIVE_MESSAGE);
            Payment closed = lookup.require(pending.paymentId());
            throw CheckoutProblem.invalidStatus(closed, "Payment " + pending.paymentId() + " was " + closed.status().wireName()
                    + " while its payment link was being created; nothing can be paid. Save the quote again if still wanted.");
        }
        PaymentLinkRecord record = new PaymentLinkRecord(cmd.tenant(), cmd.quoteId(), cmd.userId(), cmd.customerEmail(), cmd.productName(),
                cmd.money().amount(), cmd.money().currency(), cmd.policyId(), cmd.notes(), pending.paymentId(), ref.id(),
                ref.url(), ref.priceId(), expiresAt, true, null, null, now, previousVersion);
        if (!links.save(record)) {
            // The lease makes this impossible unless it lapsed: keep the other, retire ours.
            LOG.warnf("Payment link of payment %s lost a race for its quote; retired", pending.paymentId());
            closer.close(lookup.require(pending.paymentId()), PaymentStatus.CANCELLED,
                    TransitionCause.system("superseded by a concurrent save"));
            PaymentLinkRecord winner = links.find(cmd.tenant(), cmd.quoteId()).orElseThrow();
            return new LinkState(winner, lookup.require(winner.paymentId()), false);
        }
        LOG.infof("Payment %s saved for later with Payment Link %s", pending.paymentId(), ref.id());
        return new LinkState(links.find(cmd.tenant(), cmd.quoteId()).orElseThrow(), lookup.require(pending.paymentId()), true);
    }

    /** Reconciliation: a link past its validity is closed like a stale one. Returns true if the link was deactivated. */
    public boolean expireIfStale(Payment payment, Instant now) {
        if (payment.expiresAt() == null || payment.expiresAt().isAfter(now)) {
            return false;
        }
        PaymentCloser.Closed closed = closer.close(payment, PaymentStatus.EXPIRED, TransitionCause.reconciliation("payment link expired"));
        return !closed.paid() && payment.paymentLinkId() != null;
    }
}
