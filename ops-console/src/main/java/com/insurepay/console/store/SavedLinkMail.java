package com.insurepay.console.store;

import java.time.Instant;

/**
 * The last e-mail of a quote's saved payment link, as the saved link keeps it (with the address, which the console
 * masks). Payment link e-mails are also recorded on the payment, every attempt; this is what shows for a link e-mailed
 * before they were.
 */
public record SavedLinkMail(String paymentId, Instant sentAt, String sentTo) {
}
