package com.insurepay.common.payment;

/**
 * What {@code PaymentRepository.apply} did. {@code payment} is the state after the call (null if not found);
 * {@code detail} says why a change was not applied.
 */
public record TransitionResult(Outcome outcome, Payment payment, String detail) {

    public enum Outcome {
        /** The status changed (its history entry and event mark written with it). */
        APPLIED,
        /** The current status does not allow it (or it brings nothing new); recorded in the history as not applied. */
        NOT_ALLOWED,
        /** The Stripe object is not this payment's money (ids, amount or currency); recorded, never applied. */
        MISMATCH,
        /** This Stripe event was already applied or recorded on the payment: nothing written. */
        DUPLICATE_EVENT,
        NOT_FOUND
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
