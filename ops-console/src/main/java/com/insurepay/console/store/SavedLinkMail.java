package com.insurepay.console.store;

import java.time.Instant;

/** The last e-mail of a quote's saved payment link: the only customer e-mail the table records. */
public record SavedLinkMail(String paymentId, Instant sentAt, String sentTo) {
}
