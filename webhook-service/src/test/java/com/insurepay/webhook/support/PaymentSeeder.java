package com.insurepay.webhook.support;

import static com.insurepay.common.payment.PaymentStatus.CANCELLED;
import static com.insurepay.common.payment.PaymentStatus.COMPLETED;
import static com.insurepay.common.payment.PaymentStatus.PAID_AFTER_CLOSE;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Puts payments into the table the way checkout-service does (create, then attach the session or Payment Link it got
 * from Stripe), in any status, with fresh Stripe ids that belong to them.
 */
@ApplicationScoped
public class PaymentSeeder {

    public static final long AMOUNT = 15000;
    public static final String CURRENCY = "SGD";
    public static final long PARTIAL_REFUND_SEEDED = 5000;

    private final PaymentRepository payments;

    public PaymentSeeder(PaymentRepository payments) {
        this.payments = payments;
    }

    /**
     * Our payment and the Stripe objects that belong to it: its session (checkout) or Payment Link (pay later), the
     * PaymentIntent, charge and dispute Stripe makes once it is paid, and its money.
     */
    public record Seeded(String paymentId, String sessionId, String paymentIntent, String charge, String dispute,
            String paymentLink, long amount, String currency) {
    }

    /** A Checkout payment of SGD 150.00 with its session, moved to {@code status}; the PaymentIntent is stored unless pending. */
    public Seeded checkout(PaymentStatus status) {
        return checkout(status, Money.of(AMOUNT, CURRENCY));
    }

    public Seeded checkout(PaymentStatus status, Money money) {
        return checkout(status, money, Payment.DEFAULT_TENANT);
    }

    /** As {@link #checkout(PaymentStatus)}, for {@code tenant} (a test that counts a tenant's figures uses its own). */
    public Seeded checkout(PaymentStatus status, String tenant) {
        return checkout(status, Money.of(AMOUNT, CURRENCY), tenant);
    }

    private Seeded checkout(PaymentStatus status, Money money, String tenant) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(Duration.ofHours(24));
        String id = create(tenant, PaymentKind.CHECKOUT, money, expiresAt, "initiate_purchase");
        String session = "cs_test_" + random();
        payments.attachCheckoutSession(id, session, "https://checkout.stripe.com/c/pay/" + session, expiresAt).orElseThrow();
        Seeded seeded = new Seeded(id, session, "pi_" + random(), "ch_" + random(), "dp_" + random(), null, money.amount(),
                money.currency());
        moveTo(seeded, status);
        return seeded;
    }

    /** A pay-later payment of SGD 150.00: pending, with its Payment Link, no session yet (that comes with the webhook). */
    public Seeded paymentLink() {
        return paymentLink(Money.of(AMOUNT, CURRENCY), "plink_" + random());
    }

    public Seeded paymentLink(Money money, String paymentLinkId) {
        return paymentLink(money, paymentLinkId, Payment.DEFAULT_TENANT);
    }

    public Seeded paymentLink(String tenant) {
        return paymentLink(Money.of(AMOUNT, CURRENCY), "plink_" + random(), tenant);
    }

    private Seeded paymentLink(Money money, String paymentLinkId, String tenant) {
        String id = create(tenant, PaymentKind.PAYMENT_LINK, money, Instant.now().plus(Duration.ofDays(7)), "save_quote_for_later");
        attachPaymentLink(id, paymentLinkId);
        return new Seeded(id, "cs_test_" + random(), "pi_" + random(), "ch_" + random(), "dp_" + random(), paymentLinkId,
                money.amount(), money.currency());
    }

    /** A pending payment of SGD 150.00 whose session or link is still to be created (by a test, at the sandbox). */
    public String pendingWithoutSession(PaymentKind kind) {
        return create(Payment.DEFAULT_TENANT, kind, Money.of(AMOUNT, CURRENCY), Instant.now().plus(Duration.ofHours(24)),
                "initiate_purchase");
    }

    public void attachSession(String paymentId, String sessionId, String url, Instant expiresAt) {
        payments.attachCheckoutSession(paymentId, sessionId, url, expiresAt).orElseThrow();
    }

    public void attachPaymentLink(String paymentId, String paymentLinkId) {
        payments.attachPaymentLink(paymentId, paymentLinkId, "https://buy.stripe.com/test_" + paymentLinkId).orElseThrow();
    }

    /**
     * Moves the payment along the shortest allowed path, as our own API and earlier events would have: paid steps store
     * the PaymentIntent, a dispute is the seeded one (open), refunds are {@link #PARTIAL_REFUND_SEEDED} or everything.
     */
    public void moveTo(Seeded seeded, PaymentStatus status) {
        List<PaymentStatus> path = switch (status) {
            case PENDING -> List.of();
            case FAILED, COMPLETED, EXPIRED, CANCELLED -> List.of(status);
            case PARTIALLY_REFUNDED, REFUNDED, DISPUTED -> List.of(COMPLETED, status);
            case PAID_AFTER_CLOSE -> List.of(CANCELLED, PAID_AFTER_CLOSE);
        };
        for (PaymentStatus step : path) {
            PaymentChanges changes = switch (step) {
                case FAILED -> PaymentChanges.NONE.withFailureReason("Your card was declined.")
                        .withStripePaymentIntent(seeded.paymentIntent());
                case COMPLETED, PAID_AFTER_CLOSE -> PaymentChanges.paid(seeded.paymentIntent());
                case PARTIALLY_REFUNDED -> PaymentChanges.NONE.withRefundedAmount(PARTIAL_REFUND_SEEDED);
                case REFUNDED -> PaymentChanges.NONE.withRefundedAmount(seeded.amount());
                case DISPUTED -> PaymentChanges.NONE.withDispute(seeded.dispute(), Payment.DISPUTE_OPEN);
                default -> PaymentChanges.NONE;
            };
            if (!payments.apply(seeded.paymentId(), Transition.to(step, TransitionCause.api("setup")).with(changes)).applied()) {
                throw new IllegalStateException("could not seed " + status + " (step " + step + ")");
            }
        }
    }

    /** As after a first payment attempt: Stripe's PaymentIntent known (disputes carry nothing else to find us by). */
    public void attachPaymentIntent(Seeded seeded) {
        payments.recordReferences(seeded.paymentId(), null, TransitionCause.system("setup"),
                PaymentChanges.NONE.withStripePaymentIntent(seeded.paymentIntent()));
    }

    public List<HistoryEntry> history(String paymentId) {
        return payments.history(paymentId);
    }

    public Payment find(String paymentId) {
        return payments.find(paymentId).orElseThrow();
    }

    private String create(String tenant, PaymentKind kind, Money money, Instant expiresAt, String action) {
        Instant now = Instant.now();
        String id = Ids.newPaymentId(now);
        payments.create(Payment.newPending(id, tenant, "user-" + UUID.randomUUID(), "quote-" + UUID.randomUUID(),
                money, "Travel Cover", "alice@example.com", kind, expiresAt, now), TransitionCause.api(action));
        return id;
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
