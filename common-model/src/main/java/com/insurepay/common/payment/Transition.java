package com.insurepay.common.payment;

import java.util.List;
import java.util.Objects;

/**
 * A requested change of a payment: the status (or, for an implied step such as "a refunded charge was paid",
 * two statuses in order), why, the attributes that go with it, and the Stripe evidence it rests on (null for
 * changes that are ours alone, such as a cancel). The repository applies it in one conditional write.
 */
public record Transition(List<PaymentStatus> path, TransitionCause cause, PaymentChanges changes, StripeEvidence evidence,
        List<Transition> fallbacks) {

    public Transition {
        Objects.requireNonNull(cause, "cause");
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
        path = List.copyOf(path);
        if (path.isEmpty() || path.size() > 2) {
            throw new IllegalArgumentException("a transition has one or two steps, got " + path);
        }
        if (path.size() == 2 && !path.get(0).canBecome(path.get(1))) {
            throw new IllegalArgumentException("no transition " + path.get(0) + " -> " + path.get(1));
        }
        changes = changes == null ? PaymentChanges.NONE : changes;
    }

    public static Transition to(PaymentStatus status, TransitionCause cause) {
        return new Transition(List.of(status), cause, PaymentChanges.NONE, null, List.of());
    }

    public Transition with(PaymentChanges newChanges) {
        return new Transition(path, cause, newChanges, evidence, fallbacks);
    }

    public Transition provenBy(StripeEvidence newEvidence) {
        return new Transition(path, cause, changes, newEvidence, fallbacks);
    }

    /** First {@code step}, then this transition's status (both recorded in the history). */
    public Transition via(PaymentStatus step) {
        return new Transition(List.of(step, target()), cause, changes, evidence, List.of());
    }

    /**
     * What to write instead when the payment's status does not allow this transition but allows {@code alternative}
     * (tried in order, each in its own single conditional write): e.g. a completion that finds the payment cancelled
     * becomes {@code paid_after_close}; a refund that finds it still open first implies its completion.
     */
    public Transition otherwise(Transition alternative) {
        List<Transition> all = new java.util.ArrayList<>(fallbacks);
        all.add(alternative);
        return new Transition(path, cause, changes, evidence, all);
    }

    /** The status the payment has afterwards. */
    public PaymentStatus target() {
        return path.get(path.size() - 1);
    }

    /** The statuses the payment may have before: those that may become the first step. */
    public java.util.Set<PaymentStatus> sources() {
        return PaymentStatus.sourcesOf(path.get(0));
    }

    public String stripeEventId() {
        return cause.stripeEventId();
    }
}
