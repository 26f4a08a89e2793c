package com.insurepay.checkout.service;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.stripe.PaymentProviderException;
import com.insurepay.checkout.stripe.StripeGateway;
import com.insurepay.checkout.stripe.StripeRecords.CheckoutSessionRef;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.store.StoredPayment;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Buy now: a pending payment and its Stripe Checkout Session, or the quote's live checkout again. */
@ApplicationScoped
public class PurchaseService {

    private static final Logger LOG = Logger.getLogger(PurchaseService.class);

    private final QuoteGuard guard;
    private final PaymentRepository payments;
    private final PaymentLookup lookup;
    private final StripeGateway stripe;
    private final CheckoutSettings settings;
    private final Clock clock;

    public PurchaseService(QuoteGuard guard, PaymentRepository payments, PaymentLookup lookup, StripeGateway stripe,
            CheckoutSettings settings, Clock clock) {
        this.guard = guard;
        this.payments = payments;
        this.lookup = lookup;
        this.stripe = stripe;
        this.settings = settings;
        this.clock = clock;
    }

    public record InitiatePurchase(String tenant, String userId, String quoteId, Money money, String productName,
            String customerEmail, String actor) {
    }

    public record Initiated(StoredPayment payment, boolean created) {
    }

    public Initiated initiate(InitiatePurchase cmd) {
        try (QuoteGuard.Lease lease = guard.lease(cmd.tenant(), cmd.quoteId())) {
            return initiateHolding(cmd, lease);
        }
    }

    private Initiated initiateHolding(InitiatePurchase cmd, QuoteGuard.Lease lease) {
        List<Payment> ofQuote = guard.paymentsOf(cmd.tenant(), cmd.quoteId());
        guard.rejectIfPaid(ofQuote);
        Instant now = clock.instant();
        Optional<Payment> live = ofQuote.stream()
                .filter(p -> p.kind() == PaymentKind.CHECKOUT && p.status().isOpen() && p.checkoutUrl() != null
                        && p.expiresAt() != null && p.expiresAt().isAfter(now) && p.money().equals(cmd.money()))
                .findFirst();
        if (live.isPresent()) {
            LOG.infof("Quote's live checkout %s returned again", live.get().paymentId());
            return new Initiated(lookup.get(live.get().paymentId()), false);
        }
        guard.supersedeOpenPayments(cmd.tenant(), cmd.quoteId(), ofQuote, EnumSet.allOf(PaymentKind.class), "a new checkout", lease,
                cmd.actor());

        // Expiry is known before the payment is written, so the open-payments index serves reconciliation from the start.
        Instant expiresAt = now.plus(settings.sessionTtl());
        Payment pending = Payment.newPending(Ids.newPaymentId(now), cmd.tenant(), cmd.userId(), cmd.quoteId(), cmd.money(),
                cmd.productName(), cmd.customerEmail(), PaymentKind.CHECKOUT, expiresAt, now);
        payments.create(pending, CallTrace.api("initiate_purchase", cmd.actor()));
        LOG.infof("Payment %s created pending for its Checkout Session", pending.paymentId());

        CheckoutSessionRef session;
        try {
            lease.renew();
            session = stripe.createCheckoutSession(pending, expiresAt, settings.successUrl(), settings.cancelUrl());
        } catch (PaymentProviderException e) {
            markFailed(pending, e);
            throw PaymentLookup.providerProblem(e, pending.paymentId());
        }
        if (payments.attachCheckoutSession(pending.paymentId(), session.id(), session.url(), session.expiresAt()).isEmpty()) {
            // Cancelled while Stripe was answering: the session must never reach a customer.
            closeQuietly(session.id(), pending.paymentId());
            Payment now2 = lookup.require(pending.paymentId());
            throw CheckoutProblem.invalidStatus(now2, "Payment " + pending.paymentId() + " was " + now2.status().wireName()
                    + " while its checkout was being created; nothing can be paid. Start a new purchase if still wanted.");
        }
        return new Initiated(lookup.get(pending.paymentId()), true);
    }

    private void closeQuietly(String sessionId, String paymentId) {
        try {
            stripe.expireSession(sessionId, paymentId);
        } catch (PaymentProviderException e) {
            // Reconciliation finds the payment closed; a late payment of this session would be paid_after_close.
            LOG.warnf("Session %s of closed payment %s could not be expired: %s", sessionId, paymentId, e.getMessage());
        }
    }

    private void markFailed(Payment pending, PaymentProviderException e) {
        try {
            payments.apply(pending.paymentId(), Transition.to(PaymentStatus.FAILED,
                    TransitionCause.system("checkout session could not be created"))
                    .with(PaymentChanges.NONE
                            .withFailureReason(e.unavailable() ? "payment_provider_unavailable" : "payment_provider_error")));
        } catch (RuntimeException storage) {
            // Still open with an expiry: reconciliation will close it.
            LOG.errorf("Payment %s could not be marked failed: %s", pending.paymentId(), storage.getMessage());
        }
    }
}
