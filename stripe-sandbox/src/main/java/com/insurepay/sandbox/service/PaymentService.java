package com.insurepay.sandbox.service;

import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.store.CardAttempt;
import com.insurepay.sandbox.store.Charge;
import com.insurepay.sandbox.store.CheckoutSession;
import com.insurepay.sandbox.store.PaymentIntent;
import com.insurepay.sandbox.store.PaymentIntent.PaymentError;
import com.insurepay.sandbox.store.PaymentLink;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.support.Json;
import com.insurepay.sandbox.support.SandboxClock;
import com.insurepay.sandbox.support.StripeIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.LinkedHashMap;

/**
 * Paying a Checkout Session with a test card: the same rules for the hosted page and the automation
 * hook. All under the store lock, so one session is never charged twice.
 */
@ApplicationScoped
public class PaymentService {

    static final String AUTHENTICATION_FAILED_MESSAGE = "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

    static final String SETTLEMENT_FAILED_CODE = "payment_method_provider_decline";
    static final String SETTLEMENT_FAILED_MESSAGE = "The payment was declined by the payment method provider.";

    @Inject
    SandboxStore store;
    @Inject
    SandboxClock clock;
    @Inject
    EventService events;

    public enum Outcome {
        SUCCEEDED,
        DECLINED,
        REQUIRES_ACTION,
        AUTHENTICATION_FAILED,
        INVALID_CARD,
        /** Accepted with delayed settlement: the session is complete but unpaid, the PaymentIntent processing. */
        PROCESSING;

        public String value() {
            return name().toLowerCase();
        }
    }

    /**
     * When an accepted payment's money moves: at once (cards), or later (bank debits and other
     * asynchronous methods, settled by {@link #settle}).
     */
    public enum Settlement {
        IMMEDIATE,
        DELAYED
    }

    /** What happened to one attempt; {@code redirectUrl} is where the browser goes next, if anywhere. */
    public record PaymentResult(
            Outcome outcome, CheckoutSession session, PaymentIntent paymentIntent, Charge charge, PaymentError error, String redirectUrl) {
    }

    /** Raised when the session can no longer be paid (complete or expired). */
    public static class SessionNotPayableException extends StripeApiException {
        private final CheckoutSession session;

        SessionNotPayableException(CheckoutSession session) {
            super(400, "invalid_request_error", "checkout_session_not_open", null,
                    "This Checkout Session is " + session.status().value() + " and can no longer be paid.");
            this.session = session;
        }

        public CheckoutSession session() {
            return session;
        }
    }

    /** Card input as typed: number with spaces, expiry "MM / YY", CVC. Checked like Stripe.js does. */
    public static CardAttempt parseCard(String number, String expiry, String cvc, String email, String name) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        if (digits.isEmpty()) {
            throw invalidCard("incomplete_number", "Your card number is incomplete.");
        }
        if (!digits.chars().allMatch(Character::isDigit) || digits.length() < 12 || digits.length() > 19 || !TestCard.luhnValid(digits)) {
            throw invalidCard("incorrect_number", "Your card number is invalid.");
        }
        String exp = expiry == null ? "" : expiry.replaceAll("\\s", "");
        int month;
        int year;
        try {
            String[] parts = exp.split("/");
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            month = Integer.parseInt(parts[0]);
            year = Integer.parseInt(parts[1]);
            year = year < 100 ? 2000 + year : year;
        } catch (NumberFormatException e) {
            throw invalidCard("incomplete_expiry", "Your card's expiration date is incomplete.");
        }
        if (month < 1 || month > 12) {
            throw invalidCard("invalid_expiry_month", "Your card's expiration month is invalid.");
        }
        if (YearMonth.of(year, month).isBefore(YearMonth.now())) {
            throw invalidCard("invalid_expiry_year_past", "Your card's expiration year is in the past.");
        }
        String code = cvc == null ? "" : cvc.trim();
        if (!code.matches("\\d{3,4}")) {
            throw invalidCard("incomplete_cvc", "Your card's security code is incomplete.");
        }
        String mail = email == null || email.isBlank() ? null : email.trim();
        if (mail != null) {
            Validation.email(mail, "email");
        }
        return new CardAttempt(digits, month, year, code, mail, name == null || name.isBlank() ? null : name.trim());
    }

    private static StripeApiException invalidCard(String code, String message) {
        return new StripeApiException(402, "card_error", code, "card", message);
    }

    public PaymentResult pay(String sessionId, CardAttempt card) {
        return pay(sessionId, card, Settlement.IMMEDIATE);
    }

    public PaymentResult pay(String sessionId, CardAttempt card, Settlement settlement) {
        store.lock().lock();
        try {
            CheckoutSession session = payable(sessionId);
            PaymentIntent pi = ensurePaymentIntent(session, card.email());
            TestCard testCard = TestCard.of(card.number()).orElse(null);
            if (testCard == null) {
                return decline(session, pi, card, TestCard.LIVE_CARD_CODE, TestCard.LIVE_CARD_DECLINE, TestCard.LIVE_CARD_MESSAGE);
            }
            return switch (testCard.behaviour()) {
                case SUCCEED -> accept(session, pi, card, settlement);
                case DECLINE -> decline(session, pi, card, testCard.code(), testCard.declineCode(), testCard.message());
                case AUTHENTICATE -> {
                    pi.requireAction(StripeIds.newId("pm_"));
                    session.awaitAuthentication(card);
                    events.emit("payment_intent.requires_action", pi.toJson());
                    yield new PaymentResult(Outcome.REQUIRES_ACTION, session, pi, null, null, null);
                }
            };
        } finally {
            store.lock().unlock();
        }
    }

    /** The 3D Secure step: approve completes the payment, fail leaves the session open. */
    public PaymentResult authenticate(String sessionId, boolean approve) {
        return authenticate(sessionId, approve, Settlement.IMMEDIATE);
    }

    public PaymentResult authenticate(String sessionId, boolean approve, Settlement settlement) {
        store.lock().lock();
        try {
            CheckoutSession session = payable(sessionId);
            CardAttempt card = session.pendingAuthentication();
            if (card == null) {
                throw StripeApiException.invalid(
                        null, null, "This Checkout Session has no payment waiting for authentication.");
            }
            PaymentIntent pi = store.paymentIntents.find(session.paymentIntentId()).orElseThrow();
            if (approve) {
                return accept(session, pi, card, settlement);
            }
            session.clearPendingAuthentication();
            PaymentError error = new PaymentError("invalid_request_error", "payment_intent_authentication_failure", null,
                    AUTHENTICATION_FAILED_MESSAGE, null);
            pi.fail(StripeIds.newId("pm_"), null, error);
            events.emit("payment_intent.payment_failed", pi.toJson());
            return new PaymentResult(Outcome.AUTHENTICATION_FAILED, session, pi, null, error, null);
        } finally {
            store.lock().unlock();
        }
    }

    private CheckoutSession payable(String sessionId) {
        CheckoutSession session = store.sessions.find(sessionId)
                .orElseThrow(() -> StripeApiException.resourceMissing("checkout.session", "session", sessionId));
        if (!session.isOpen()) {
            throw new SessionNotPayableException(session);
        }
        if (session.spec().expiresAt() <= clock.now()) {
            throw new SessionNotPayableException(session); // due but not yet swept: never charge it
        }
        return session;
    }

    private PaymentIntent ensurePaymentIntent(CheckoutSession session, String email) {
        if (session.paymentIntentId() != null) {
            return store.paymentIntents.find(session.paymentIntentId()).orElseThrow();
        }
        PaymentIntent pi = store.paymentIntents.put(
                new PaymentIntent(StripeIds.newId("pi_"), clock.now(), store.nextSeq(), session.amountTotal(),
                        session.spec().currency(), new LinkedHashMap<>(session.spec().paymentIntentMetadata()),
                        session.spec().paymentIntentDescription(), email != null ? email : session.spec().customerEmail(),
                        session.spec().paymentIntentEcho()));
        session.attachPaymentIntent(pi.id());
        events.emit("payment_intent.created", pi.toJson());
        return pi;
    }

    private Charge newCharge(PaymentIntent pi, CardAttempt card, String paymentMethodId, String email, String failureCode,
            String failureMessage, String declineCode) {
        return store.charges.put(
                new Charge(StripeIds.newId("ch_"), clock.now(), store.nextSeq(), pi.amount(), pi.currency(), pi.id(), paymentMethodId,
                        new LinkedHashMap<>(pi.metadata()), pi.description(), email, card.name(),
                        new Charge.Card(card.brand(), card.last4(), card.expMonth(), card.expYear(), "credit"),
                        failureCode, failureMessage, declineCode));
    }

    private PaymentResult accept(CheckoutSession session, PaymentIntent pi, CardAttempt card, Settlement settlement) {
        String email = payerEmail(card, session);
        String paymentMethodId = StripeIds.newId("pm_");
        if (settlement == Settlement.DELAYED) {
            // Like Stripe's Checkout for a bank debit: complete but unpaid, no charge until it settles.
            pi.process(paymentMethodId, card);
            session.complete(email, card.name(), false);
            events.emit("payment_intent.processing", pi.toJson());
            events.emit("checkout.session.completed", session.toJson());
            countForPaymentLink(session);
            return new PaymentResult(Outcome.PROCESSING, session, pi, null, null, successRedirect(session));
        }
        Charge charge = newCharge(pi, card, paymentMethodId, email, null, null, null);
        pi.succeed(paymentMethodId, charge.id());
        session.complete(email, card.name());
        events.emit("charge.succeeded", charge.toJson());
        events.emit("payment_intent.succeeded", pi.toJson());
        events.emit("checkout.session.completed", session.toJson());
        countForPaymentLink(session);
        return new PaymentResult(Outcome.SUCCEEDED, session, pi, charge, null, successRedirect(session));
    }

    /**
     * The money of a {@code processing} PaymentIntent arrives ({@code succeeded}) or does not: the
     * charge, the session's payment_status and the {@code checkout.session.async_payment_*} events.
     */
    public PaymentResult settle(String paymentIntentId, boolean succeeded) {
        store.lock().lock();
        try {
            PaymentIntent pi = paymentIntent(paymentIntentId);
            CardAttempt card = pi.settling();
            if (!"processing".equals(pi.status()) || card == null) {
                throw new StripeApiException(400, "invalid_request_error", "payment_intent_unexpected_state", null,
                        "This PaymentIntent is " + pi.status() + "; only a processing PaymentIntent can be settled.");
            }
            CheckoutSession session = store.sessions.newestFirst(s -> pi.id().equals(s.paymentIntentId())).stream().findFirst()
                    .orElseThrow();
            if (!succeeded) {
                PaymentError error = new PaymentError("card_error", SETTLEMENT_FAILED_CODE, null, SETTLEMENT_FAILED_MESSAGE, null);
                pi.fail(pi.paymentMethodId(), null, error);
                events.emit("payment_intent.payment_failed", pi.toJson());
                events.emit("checkout.session.async_payment_failed", session.toJson());
                return new PaymentResult(Outcome.DECLINED, session, pi, null, error, null);
            }
            String email = payerEmail(card, session);
            Charge charge = newCharge(pi, card, pi.paymentMethodId(), email, null, null, null);
            pi.succeed(pi.paymentMethodId(), charge.id());
            session.markPaid();
            events.emit("charge.succeeded", charge.toJson());
            events.emit("payment_intent.succeeded", pi.toJson());
            events.emit("checkout.session.async_payment_succeeded", session.toJson());
            return new PaymentResult(Outcome.SUCCEEDED, session, pi, charge, null, null);
        } finally {
            store.lock().unlock();
        }
    }

    /** The e-mail typed on the page, else the one the merchant fixed on the session. */
    private static String payerEmail(CardAttempt card, CheckoutSession session) {
        return card.email() != null ? card.email() : session.spec().customerEmail();
    }

    private void countForPaymentLink(CheckoutSession session) {
        PaymentLink link = store.paymentLinks.find(session.spec().paymentLinkId()).orElse(null);
        if (link != null && link.recordCompletedSession() && link.active()) {
            // Reaching restrictions.completed_sessions.limit deactivates the link, as on Stripe.
            link.setActive(false);
            var previous = Json.object();
            previous.put("active", true);
            events.emit("payment_link.updated", link.toJson(), previous);
        }
    }

    private PaymentResult decline(
            CheckoutSession session, PaymentIntent pi, CardAttempt card, String code, String declineCode, String message) {
        String paymentMethodId = StripeIds.newId("pm_");
        String email = payerEmail(card, session);
        Charge charge = newCharge(pi, card, paymentMethodId, email, code, message, declineCode);
        PaymentError error = new PaymentError("card_error", code, declineCode, message, charge.id());
        pi.fail(paymentMethodId, charge.id(), error);
        session.clearPendingAuthentication();
        events.emit("charge.failed", charge.toJson());
        events.emit("payment_intent.payment_failed", pi.toJson());
        return new PaymentResult(Outcome.DECLINED, session, pi, charge, error, null);
    }

    /** success_url with {CHECKOUT_SESSION_ID} filled in; null means "show the hosted confirmation". */
    public static String successRedirect(CheckoutSession session) {
        String url = session.spec().successUrl();
        return url == null ? null : url.replace("{CHECKOUT_SESSION_ID}", session.id());
    }

    public static String cancelRedirect(CheckoutSession session) {
        String url = session.spec().cancelUrl();
        return url == null ? null : url.replace("{CHECKOUT_SESSION_ID}", session.id());
    }

    public PaymentIntent paymentIntent(String id) {
        return store.paymentIntents.find(id)
                .orElseThrow(() -> StripeApiException.resourceMissing("payment_intent", "intent", id));
    }

    public Charge charge(String id) {
        return store.charges.find(id).orElseThrow(() -> StripeApiException.resourceMissing("charge", "charge", id));
    }
}
