package com.insurepay.common.payment;

/** What {@code PaymentRepository.transition} did. {@code payment} is the state after the call (null if not found). */
public record TransitionResult(Outcome outcome, Payment payment) {

    public enum Outcome {
        /** The status changed (and the history entry and event mark were written with it). */
        APPLIED,
        /** The current status does not allow it; recorded in the history as not applied. */
        NOT_ALLOWED,
        /** This Stripe event was already processed: nothing written. */
        DUPLICATE_EVENT,
        NOT_FOUND
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
