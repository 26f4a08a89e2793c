package com.insurepay.pages.service;

import com.insurepay.common.money.Money;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.privacy.EmailMask;
import com.insurepay.common.store.PaymentQueries;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the payment behind a Stripe Checkout Session and says what it means for the customer. Read-only: the
 * pages never change a payment, only webhook-service, checkout-service and reconciliation do.
 */
@ApplicationScoped
public class CheckoutOutcomeService {

    /** Stripe session ids: "cs_" then letters, digits and underscores. Anything else is never looked up. */
    private static final Pattern SESSION_ID = Pattern.compile("cs_[A-Za-z0-9_]{1,250}");

    // UTC, said explicitly: we do not know the customer's time zone and a wrong local time is worse than UTC.
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PaymentQueries payments;
    private final Clock clock;
    private final MeterRegistry metrics;

    public CheckoutOutcomeService(PaymentQueries payments, Clock clock, MeterRegistry metrics) {
        this.payments = payments;
        this.clock = clock;
        this.metrics = metrics;
    }

    public static boolean isSessionId(String value) {
        return value != null && SESSION_ID.matcher(value).matches();
    }

    /** The payment of a session, for display; empty when the id is malformed or unknown. */
    public Optional<PaymentSummary> findBySession(String sessionId) {
        if (!isSessionId(sessionId)) {
            return Optional.empty();
        }
        return payments.findByStripeSession(sessionId).map(this::summarise);
    }

    /** What the processing page polls for. */
    public Optional<SessionStatus> statusOf(String sessionId) {
        return findBySession(sessionId).map(s -> new SessionStatus(s.state(), s.status().isPaid()
                ? new SessionStatus.Receipt(s.statusLabel(), s.productName(), s.amount(), s.reference(), s.paidOn(),
                        s.maskedEmail(), s.policyNumber())
                : null));
    }

    /** Counts what customers land on, by state: a rising share of "pending" means webhooks are slow. */
    public void countView(String page, PaymentSummary summary) {
        metrics.counter("insurepay.pages.views", "page", page, "status", summary == null ? "not_found" : summary.state())
                .increment();
    }

    /** What /success says for a state that is neither the receipt nor the processing page. */
    public OutcomeMessage successOutcome(PaymentSummary p) {
        return switch (p.status()) {
            case FAILED -> OutcomeMessage.of("Your payment did not go through", // on /cancel; /success keeps polling
                    "The payment was declined or could not be completed. No money has been taken.",
                    "You can try again with another card while your checkout is open, or ask your assistant for a new payment link.");
            case EXPIRED -> OutcomeMessage.of("This checkout has expired",
                    "The time to pay ran out before a payment was made. No money has been taken.",
                    "When you are ready, ask your assistant for a new payment link.");
            case CANCELLED -> OutcomeMessage.of("This payment was cancelled",
                    "The payment was cancelled before it was made. No money has been taken.",
                    "If you still want this cover, ask your assistant to start a new purchase.");
            case REFUNDED -> OutcomeMessage.of("This payment has been refunded",
                    "You paid " + p.amount() + " and the full amount has been refunded to your card.",
                    "Refunds usually show on your statement within 5 to 10 business days.");
            case PARTIALLY_REFUNDED -> OutcomeMessage.of("Part of this payment has been refunded",
                    "You paid " + p.amount() + ". " + p.refundedAmount() + " has been refunded to your card.",
                    "Refunds usually show on your statement within 5 to 10 business days. Your assistant can tell you what this means for your cover.");
            case PAID_AFTER_CLOSE -> OutcomeMessage.of("Your payment came after this checkout had closed",
                    "We received " + p.amount()
                            + " after this purchase had been cancelled or had expired, so we are giving it back in full."
                            + " No policy was issued for it.",
                    "The refund usually shows on your statement within 5 to 10 business days. If you still want this cover, ask your assistant for a new quote.");
            case DISPUTED -> OutcomeMessage.of("This payment is being reviewed",
                    "Your bank told us that this payment is disputed. We will let you know the outcome.",
                    "If you did not mean to dispute it, please contact your bank, or ask your assistant for help.");
            case PENDING, COMPLETED -> throw new IllegalArgumentException("has its own page: " + p.status());
        };
    }

    /** What /cancel says: the customer left the checkout, so usually nothing was paid. */
    public OutcomeMessage cancelOutcome(PaymentSummary p, Optional<String> openCheckoutUrl) {
        if (p.status().isPaid()) {
            return OutcomeMessage.of("This payment was already made",
                    "Your payment of " + p.amount() + " went through before you left the checkout.",
                    "You can see your receipt. There is no need to pay again.")
                    .withAction("See your receipt", "/success?session_id=" + p.sessionId());
        }
        if (p.status().isOpen()) {
            OutcomeMessage left = OutcomeMessage.of("You left the checkout",
                    "Your payment has not been taken. Nothing has been charged.",
                    "Your assistant can send you a new payment link whenever you are ready"
                            + (p.checkoutExpiresOn() == null ? "."
                                    : ", or you can go back to this checkout until " + p.checkoutExpiresOn() + "."));
            return openCheckoutUrl.map(url -> left.withAction("Go back to the checkout", url)).orElse(left);
        }
        return OutcomeMessage.of("This checkout is closed",
                "Your payment has not been taken. Nothing has been charged.",
                "Your assistant can send you a new payment link whenever you are ready.");
    }

    /** On /cancel an open payment is simply not paid: "waiting for confirmation" would mislead. */
    public PaymentSummary forCancelPage(PaymentSummary p) {
        return p.status().isOpen() ? p.withStatusLabel("Not paid") : p;
    }

    /** The Stripe-hosted page of a still-open checkout: from our records, so safe to link to. */
    public Optional<String> openCheckoutUrl(String sessionId) {
        if (!isSessionId(sessionId)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return payments.findByStripeSession(sessionId)
                .filter(p -> p.status().isOpen() && isOurCheckoutPage(p.checkoutUrl())
                        && (p.expiresAt() == null || p.expiresAt().isAfter(now)))
                .map(Payment::checkoutUrl);
    }

    // Stripe's hosted pages are https; the local stack's stripe-sandbox runs on localhost.
    private static boolean isOurCheckoutPage(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://localhost:") || url.startsWith("http://127.0.0.1:"));
    }

    private PaymentSummary summarise(Payment p) {
        Money money = p.money();
        return new PaymentSummary(
                p.stripeSessionId(),
                p.status(),
                statusLabel(p.status()),
                p.productName() == null ? "Insurance" : p.productName(),
                money.format(),
                p.paymentId(),
                EmailMask.mask(p.customerEmail()),
                p.status().isPaid() ? DATE_TIME.format(paidAt(p)) : null,
                p.refundedAmount() > 0 ? new Money(p.refundedAmount(), p.currency()).format() : null,
                p.policyNumber(),
                p.status().isOpen() && p.expiresAt() != null ? DATE_TIME.format(p.expiresAt()) : null);
    }

    /** When the money was recorded (updated_at moves again when a policy is issued or a refund lands). */
    private static Instant paidAt(Payment p) {
        return p.paidAt() != null ? p.paidAt() : p.webhookProcessedAt() != null ? p.webhookProcessedAt() : p.updatedAt();
    }

    public static String statusLabel(PaymentStatus status) {
        return switch (status) {
            case PENDING -> "Waiting for confirmation";
            case FAILED -> "Not paid (declined)";
            case COMPLETED -> "Paid";
            case PARTIALLY_REFUNDED -> "Paid, partly refunded";
            case REFUNDED -> "Refunded";
            case DISPUTED -> "Disputed";
            case EXPIRED -> "Not paid (expired)";
            case CANCELLED -> "Not paid (cancelled)";
            case PAID_AFTER_CLOSE -> "Paid after closing (being refunded)";
        };
    }
}
