package com.insurepay.webhook.service;

import java.util.Locale;

/** What became of one delivery; the lower-case name is the metrics tag and the stored record's outcome. */
public enum DeliveryOutcome {
    /** The payment changed (status, history entry and event mark in one conditional write). */
    APPLIED,
    /** Arrived too late or out of order for the payment's status: in the history as not applied. */
    STALE,
    /** Its Stripe ids, amount or currency are not the payment's: in the history as not applied, counted, never applied. */
    MISMATCH,
    /** Money for a payment we had closed (cancelled or expired): recorded as paid_after_close, to be given back. */
    PAID_AFTER_CLOSE,
    /** This event id was processed before: nothing done again. */
    DUPLICATE,
    /** Not ours (unknown payment), an event type we do not handle, or one that must not change the payment. */
    IGNORED,
    /** Stripe references stored, status unchanged (e.g. a session completed but still awaiting an async payment). */
    RECORDED,
    /** Not verified: bad or missing signature, stale timestamp, not an event, too large, not JSON. */
    REJECTED,
    /** Could not be stored (DynamoDB unreachable or throttling): answered 5xx so Stripe retries. */
    ERROR;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
