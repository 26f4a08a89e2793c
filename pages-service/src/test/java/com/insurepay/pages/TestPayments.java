package com.insurepay.pages;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyRepository;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Seeds the table (in dynamodb-sandbox) through common-model's repositories, as the other services write it. */
@ApplicationScoped
public class TestPayments {

    public static final String CHECKOUT_URL = "https://checkout.stripe.com/c/pay/";

    private final PaymentRepository payments;
    private final PolicyRepository policies;

    public TestPayments(PaymentRepository payments, PolicyRepository policies) {
        this.payments = payments;
        this.policies = policies;
    }

    /** A pending checkout with its Stripe session, as checkout-service leaves it. */
    public Payment pendingCheckout(String productName, long amount, String currency, String email) {
        Instant now = Instant.now();
        Payment payment = Payment.newPending(Ids.newPaymentId(now), null, "user_" + shortId(), "quote_" + shortId(),
                Money.of(amount, currency), productName, email, PaymentKind.CHECKOUT, now.plus(Duration.ofHours(1)), now);
        payments.create(payment, TransitionCause.api("test seed"));
        String sessionId = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        return payments.attachCheckoutSession(payment.paymentId(), sessionId, CHECKOUT_URL + sessionId,
                now.plus(Duration.ofHours(1))).orElseThrow();
    }

    /** A pay-later payment whose Checkout Session Stripe made but nobody has recorded yet (its webhook is late). */
    public Payment unrecordedLinkPayment() {
        Instant now = Instant.now();
        Payment payment = Payment.newPending(Ids.newPaymentId(now), null, "user_" + shortId(), "quote_" + shortId(),
                Money.of(9_900, "SGD"), "Travel Insurance Silver", "carol@example.com", PaymentKind.PAYMENT_LINK,
                now.plus(Duration.ofDays(7)), now);
        payments.create(payment, TransitionCause.api("test seed"));
        return payments.attachPaymentLink(payment.paymentId(), "plink_" + shortId(), "https://buy.stripe.com/test_" + shortId())
                .orElseThrow();
    }

    /** What webhook-service does when the link's checkout.session.completed lands. */
    public Payment recordLinkSessionPaid(Payment payment, String sessionId) {
        return move(payment, PaymentStatus.COMPLETED, PaymentChanges.paid("pi_" + shortId()).withStripeSession(sessionId));
    }

    public Payment pendingCheckout() {
        return pendingCheckout("Travel Insurance Plus", 15_000, "SGD", "alice@example.com");
    }

    /** Moves a payment along the state machine as webhook-service would. */
    public Payment move(Payment payment, PaymentStatus to, PaymentChanges changes) {
        TransitionResult result = payments.apply(payment.paymentId(),
                Transition.to(to, TransitionCause.webhook("evt_test_" + shortId(), "test." + to.wireName())).with(changes));
        if (!result.applied()) {
            throw new IllegalStateException("transition to " + to + " not applied: " + result.outcome());
        }
        return result.payment() != null ? result.payment() : payments.find(payment.paymentId()).orElseThrow();
    }

    public Payment move(Payment payment, PaymentStatus to) {
        return move(payment, to, PaymentChanges.NONE);
    }

    public Payment inState(PaymentStatus status) {
        Payment p = pendingCheckout();
        switch (status) {
            case PENDING :
                return p;
            case COMPLETED :
            case FAILED :
            case EXPIRED :
            case CANCELLED :
                return move(p, status);
            case REFUNDED :
                return move(move(p, PaymentStatus.COMPLETED), status, PaymentChanges.NONE.withRefundedAmount(p.amount()));
            case PARTIALLY_REFUNDED :
                return move(move(p, PaymentStatus.COMPLETED), status, PaymentChanges.NONE.withRefundedAmount(5_000));
            case DISPUTED :
                return move(move(p, PaymentStatus.COMPLETED), status, PaymentChanges.NONE.withDispute("dp_" + shortId(),
                        Payment.DISPUTE_OPEN));
            case PAID_AFTER_CLOSE :
                return move(move(p, PaymentStatus.CANCELLED), status, PaymentChanges.paid("pi_" + shortId()));
            default :
                throw new IllegalArgumentException(status.name());
        }
    }

    /** Issues the policy of a paid payment, as checkout-service's complete_purchase does. */
    public Policy issuePolicy(Payment paid) {
        Instant now = Instant.now();
        long sequence = policies.nextSequence(now.atZone(ZoneOffset.UTC).getYear());
        Policy policy = new Policy(Ids.newPolicyId(now), Ids.policyNumber(now, sequence), paid.paymentId(), paid.userId(),
                paid.quoteId(), paid.productName(), paid.amount(), paid.currency(), paid.customerEmail(), now, TransitionCause.SYSTEM);
        if (!policies.issue(policy)) {
            throw new IllegalStateException("policy not issued for " + paid.paymentId());
        }
        return policy;
    }

    public Payment reload(Payment payment) {
        return payments.find(payment.paymentId()).orElseThrow();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
