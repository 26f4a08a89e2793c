package com.insurepay.checkout.service;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.mail.CustomerMailer;
import com.insurepay.checkout.store.PaymentAttributeWriter;
import com.insurepay.checkout.store.PaymentLinkRecord;
import com.insurepay.checkout.store.PaymentLinkRepository;
import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.stripe.StripeRecords.PaymentLinkRef;
import com.insurepay.checkout.stripe.StripeRecords.SessionState;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Pay later: one saved purchase per quote, sold through a single-use Stripe Payment Link that WE expire (Stripe
 * links live forever): after {@code payment-link.validity} the link is deactivated at Stripe, its payment expires,
 * and the next read makes a fresh one.
 */
@ApplicationScoped
public class PaymentLinkService {

    private static final Logger LOG = Logger.getLogger(PaymentLinkService.class);
    public static final String INACTIVE_MESSAGE = "This payment link has expired. Please ask us for a new one.";

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentLinkRepository links;

    @Inject
    PaymentAttributeWriter writer;

    @Inject
    StripeGateway stripe;

    @Inject
    PaymentService paymentService;

    @Inject
    CustomerMailer mailer;

    @Inject
    CheckoutSettings settings;

    @Inject
    Clock clock;

    public record SaveForLater(String quoteId, String userId, String customerEmail, String productName, Money money,
            String policyId, String notes) {
    }

    public record LinkState(PaymentLinkRecord link, Payment payment, boolean created) {

        public boolean isActive(Instant now) {
            return link.liveAt(now) && payment.status().isOpen();
        }
    }

    public record EmailSent(String quoteId, String sentTo, Instant sentAt, String paymentLinkUrl) {
    }

    public LinkState save(SaveForLater cmd) {
        List<Payment> ofQuote = payments.findByQuote(cmd.quoteId(), 50, null).items();
        paymentService.rejectIfPaid(ofQuote);
        // "Pay later" replaces a checkout the customer did not pay: one way to pay a quote at a time.
        paymentService.supersedeOpenPayments(cmd.quoteId(), ofQuote, EnumSet.of(PaymentKind.CHECKOUT), "a payment link");
        Optional<PaymentLinkRecord> existing = links.find(cmd.quoteId());
        if (existing.isPresent()) {
            LinkState current = refreshIfStale(existing.get(), false);
            if (current != null) {
                return current;
            }
        }
        long version = existing.map(PaymentLinkRecord::version).orElse(-1L);
        return createLink(cmd, version);
    }

    public LinkState get(String quoteId) {
        PaymentLinkRecord record = links.find(quoteId)
                .orElseThrow(() -> CheckoutProblem.notFound("Quote " + quoteId + " was never saved for later."));
        LinkState current = refreshIfStale(record, true);
        if (current != null) {
            return current;
        }
        PaymentLinkRecord latest = links.find(quoteId).orElseThrow();
        return createLink(new SaveForLater(latest.quoteId(), latest.userId(), latest.customerEmail(), latest.productName(),
                new Money(latest.amount(), latest.currency()), latest.policyId(), latest.notes()), latest.version());
    }

    public EmailSent sendEmail(String quoteId, String email, String customerName) {
        LinkState state = get(quoteId);
        if (state.payment().status().isPaid()) {
            throw CheckoutProblem.of(409, "quote_already_paid", "This quote is already paid (payment "
                    + state.payment().paymentId() + "); no payment link needs to be sent.", state.payment());
        }
        PaymentLinkRecord link = state.link();
        try {
            mailer.sendPaymentLink(email, customerName, link.productName(),
                    new Money(link.amount(), link.currency()).format(), link.url(), link.expiresAt());
        } catch (CustomerMailer.MailUnavailableException e) {
            LOG.warnf("Payment link e-mail for payment %s not sent: %s", link.paymentId(),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            throw CheckoutProblem.mailUnavailable();
        }
        Instant sentAt = clock.instant();
        for (int attempt = 0; attempt < 5; attempt++) {
            PaymentLinkRecord latest = links.find(quoteId).orElseThrow();
            if (links.save(latest.withSent(email, sentAt))) {
                break;
            }
        }
        writer.updateCustomerEmail(link.paymentId(), email);
        LOG.infof("Payment link of payment %s e-mailed", link.paymentId());
        return new EmailSent(quoteId, email, sentAt, link.url());
    }

    /** Cancel of a link payment: the link item shows it inactive. */
    void markInactive(Payment payment) {
        links.find(payment.quoteId()).filter(r -> payment.paymentId().equals(r.paymentId())).ifPresent(r ->
                links.save(inactive(r)));
    }

    /**
     * The current state if the link is still good (live, or already paid); null when it has to be replaced, after
     * closing it at Stripe and expiring its payment.
     */
    private LinkState refreshIfStale(PaymentLinkRecord record, boolean asked) {
        Payment payment = paymentService.require(record.paymentId());
        Instant now = clock.instant();
        if (payment.status().isPaid()) {
            return new LinkState(record, payment, false);
        }
        if (record.liveAt(now) && payment.status().isOpen()) {
            return new LinkState(record, payment, false);
        }
        try {
            if (payment.status().isOpen() && record.stripePaymentLinkId() != null) {
                // Paid in the last minutes but the webhook has not arrived: never replace a paid link.
                Optional<SessionState> paid = stripe.sessionsOfPaymentLink(record.stripePaymentLinkId()).stream()
                        .filter(SessionState::paid).findFirst();
                if (paid.isPresent()) {
                    Payment completed = paymentService.applyPaid(payment, paid.get(), TransitionCause.api("payment link found paid"));
                    return new LinkState(record, completed, false);
                }
            }
            expire(record, payment, TransitionCause.api("payment link expired"));
        } catch (PaymentProviderException e) {
            throw PaymentService.providerProblem(e, payment.paymentId());
        }
        LOG.infof("Payment link of payment %s expired; a fresh one is made", payment.paymentId());
        return null;
    }

    /** Deactivates the link at Stripe, expires its payment and marks the item inactive. Shared with reconciliation. */
    boolean expire(PaymentLinkRecord record, Payment payment, TransitionCause cause) {
        boolean deactivated = false;
        if (record.active() && record.stripePaymentLinkId() != null) {
            stripe.deactivatePaymentLink(record.stripePaymentLinkId(), INACTIVE_MESSAGE);
            deactivated = true;
        }
        if (payment.status().isOpen()) {
            payments.transition(payment.paymentId(), EnumSet.of(PaymentStatus.PENDING, PaymentStatus.FAILED),
                    PaymentStatus.EXPIRED, cause, PaymentChanges.NONE, null);
        }
        if (record.active()) {
            links.save(inactive(record));
        }
        return deactivated;
    }

    private LinkState createLink(SaveForLater cmd, long previousVersion) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.paymentLinkValidity());
        Payment pending = PaymentService.withExpiry(Payment.newPending(Ids.newPaymentId(now), cmd.userId(), cmd.quoteId(),
                cmd.money(), cmd.productName(), cmd.customerEmail(), PaymentKind.PAYMENT_LINK, now), expiresAt);
        payments.create(pending, TransitionCause.api("save_quote_for_later"));
        PaymentLinkRef ref;
        try {
            ref = stripe.createPaymentLink(pending, settings.successUrl());
        } catch (PaymentProviderException e) {
            payments.transition(pending.paymentId(), EnumSet.of(PaymentStatus.PENDING), PaymentStatus.FAILED,
                    TransitionCause.api("payment link could not be created"),
                    PaymentChanges.NONE.withFailureReason(e.unavailable() ? "payment_provider_unavailable" : "payment_provider_error"),
                    null);
            throw PaymentService.providerProblem(e, pending.paymentId());
        }
        writer.attachPaymentLink(pending.paymentId(), ref.id(), ref.url());
        PaymentLinkRecord record = new PaymentLinkRecord(cmd.quoteId(), cmd.userId(), cmd.customerEmail(), cmd.productName(),
                cmd.money().amount(), cmd.money().currency(), cmd.policyId(), cmd.notes(), pending.paymentId(), ref.id(),
                ref.url(), ref.priceId(), expiresAt, true, null, null, now, previousVersion);
        if (!links.save(record)) {
            // Another request saved this quote at the same moment: keep theirs, retire ours.
            LOG.infof("Payment link of payment %s lost a race for its quote; retired", pending.paymentId());
            Payment mine = paymentService.require(pending.paymentId());
            expire(record, mine, TransitionCause.api("superseded by a concurrent save"));
            PaymentLinkRecord winner = links.find(cmd.quoteId()).orElseThrow();
            return new LinkState(winner, paymentService.require(winner.paymentId()), false);
        }
        LOG.infof("Payment %s saved for later with Payment Link %s", pending.paymentId(), ref.id());
        return new LinkState(links.find(cmd.quoteId()).orElseThrow(), paymentService.require(pending.paymentId()), true);
    }

    private static PaymentLinkRecord inactive(PaymentLinkRecord r) {
        return new PaymentLinkRecord(r.quoteId(), r.userId(), r.customerEmail(), r.productName(), r.amount(), r.currency(),
                r.policyId(), r.notes(), r.paymentId(), r.stripePaymentLinkId(), r.url(), r.priceId(), r.expiresAt(), false,
                r.sentAt(), r.sentTo(), r.createdAt(), r.version());
    }
}
