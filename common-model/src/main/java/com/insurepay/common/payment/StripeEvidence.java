package com.insurepay.common.payment;

import static com.insurepay.common.table.PaymentTable.PAYMENT_LINK_ID;
import static com.insurepay.common.table.PaymentTable.STRIPE_PAYMENT_INTENT;
import static com.insurepay.common.table.PaymentTable.STRIPE_SESSION_ID;

import com.insurepay.common.store.Expr;
import com.insurepay.common.table.PaymentTable.Payments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Stripe object says about money, and THE rule that decides whether it is this payment's money. Nothing a
 * customer can edit ({@code client_reference_id}, metadata) is part of it: only Stripe's ids, amount and currency,
 * compared with what WE stored. The rule exists once, in two forms kept side by side: {@link #mismatchWith} (Java,
 * to explain a refusal) and {@link #condition} (the DynamoDB condition of the write, so no read is needed first).
 * webhook-service and checkout-service's reconciliation both hand their evidence to {@code PaymentRepository}.
 *
 * @param amount what the object moves: a session's {@code amount_total}, a PaymentIntent's {@code amount}, a
 *        charge's {@code amount}, a dispute's {@code amount}
 */
public record StripeEvidence(Kind kind, String objectId, String sessionId, String paymentLinkId, String paymentIntentId,
        Long amount, String currency) {

    public enum Kind {
        /** A Checkout Session: it is the payment's stored session, or a session of the payment's stored Payment Link. */
        CHECKOUT_SESSION,
        /** A PaymentIntent or a charge of it: the payment's stored PaymentIntent (when one is stored yet). */
        PAYMENT_INTENT,
        /** A dispute: as a PaymentIntent, but its amount may be part of the payment. */
        DISPUTE
    }

    public StripeEvidence {
        Objects.requireNonNull(kind, "kind");
        currency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
    }

    public static StripeEvidence session(String sessionId, String paymentLinkId, String paymentIntentId, Long amountTotal,
            String currency) {
        return new StripeEvidence(Kind.CHECKOUT_SESSION, sessionId, sessionId, paymentLinkId, paymentIntentId, amountTotal,
                currency);
    }

    public static StripeEvidence paymentIntent(String objectId, String paymentIntentId, Long amount, String currency) {
        return new StripeEvidence(Kind.PAYMENT_INTENT, objectId, null, null, paymentIntentId, amount, currency);
    }

    public static StripeEvidence dispute(String disputeId, String paymentIntentId, Long amount, String currency) {
        return new StripeEvidence(Kind.DISPUTE, disputeId, null, null, paymentIntentId, amount, currency);
    }

    /** Why this object is not the payment's money, or empty when it is. */
    public Optional<String> mismatchWith(Payment p) {
        Optional<String> unusable = unusable();
        if (unusable.isPresent()) {
            return unusable;
        }
        if (kind == Kind.CHECKOUT_SESSION) {
            if (p.stripeSessionId() != null) {
                if (!p.stripeSessionId().equals(sessionId)) {
                    return Optional.of("checkout session " + sessionId + " is not this payment's session " + p.stripeSessionId());
                }
            } else if (p.paymentLinkId() == null || !p.paymentLinkId().equals(paymentLinkId)) {
                return Optional.of("checkout session " + sessionId + (paymentLinkId == null ? " is not from a payment link"
                        : " comes from payment link " + paymentLinkId) + ", not from this payment's "
                        + (p.paymentLinkId() == null ? "checkout" : "payment link " + p.paymentLinkId()));
            }
        }
        if (paymentIntentId != null && p.stripePaymentIntent() != null && !p.stripePaymentIntent().equals(paymentIntentId)) {
            return Optional.of("payment intent " + paymentIntentId + " is not this payment's " + p.stripePaymentIntent());
        }
        if (!currency.equals(p.currency())) {
            return Optional.of("currency " + currency + " is not this payment's " + p.currency());
        }
        boolean amountOk = kind == Kind.DISPUTE ? amount <= p.amount() : amount == p.amount();
        if (!amountOk) {
            return Optional.of("amount " + amount + " " + currency + (kind == Kind.DISPUTE ? " exceeds" : " is not")
                    + " this payment's " + p.amount() + " " + p.currency());
        }
        return Optional.empty();
    }

    /**
     * The same rule as {@link #mismatchWith}, as a DynamoDB condition on the payment item, so the write that applies
     * the evidence checks it atomically. Unusable evidence gives a condition that never holds.
     */
    public String condition(Expr e) {
        if (unusable().isPresent()) {
            return "attribute_not_exists(" + e.name(Payments.PAYMENT_ID) + ")";
        }
        List<String> parts = new ArrayList<>();
        if (kind == Kind.CHECKOUT_SESSION) {
            String sid = e.name(STRIPE_SESSION_ID);
            String own = sid + " = " + e.value(sessionId);
            parts.add(paymentLinkId == null ? own
                    : "(" + own + " OR (attribute_not_exists(" + sid + ") AND " + e.name(PAYMENT_LINK_ID) + " = "
                            + e.value(paymentLinkId) + "))");
        }
        if (paymentIntentId != null) {
            String pi = e.name(STRIPE_PAYMENT_INTENT);
            parts.add("(attribute_not_exists(" + pi + ") OR " + pi + " = " + e.value(paymentIntentId) + ")");
        }
        parts.add(e.name(Payments.CURRENCY) + " = " + e.value(currency));
        String amt = e.name(Payments.AMOUNT);
        parts.add(kind == Kind.DISPUTE ? amt + " >= " + e.value(amount) : amt + " = " + e.value(amount));
        return String.join(" AND ", parts);
    }

    /** Evidence that can be nobody's money: no object, no amount, no PaymentIntent where one is needed. */
    private Optional<String> unusable() {
        if (kind == Kind.CHECKOUT_SESSION && sessionId == null) {
            return Optional.of("the checkout session has no id");
        }
        if (kind != Kind.CHECKOUT_SESSION && paymentIntentId == null) {
            return Optional.of(objectId + " names no payment intent");
        }
        if (amount == null || currency == null) {
            return Optional.of(objectId + " carries no amount and currency");
        }
        if (amount <= 0) {
            return Optional.of(objectId + " moves no money (amount " + amount + ")");
        }
        return Optional.empty();
    }
}
