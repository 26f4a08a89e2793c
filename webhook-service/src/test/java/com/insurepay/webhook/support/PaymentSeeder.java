package com.insurepay.webhook.support;

import static com.insurepay.common.payment.PaymentStatus.COMPLETED;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.table.PaymentTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Puts payments into the table the way checkout-service does, in any status, with fresh Stripe ids. */
@ApplicationScoped
public class PaymentSeeder {

    public static final long AMOUNT = 15000;
    public static final long PARTIAL_REFUND_SEEDED = 5000;

    @Inject
    PaymentRepository payments;

    @Inject
    DynamoDbClient client;

    /** Our payment and the Stripe ids that belong to it. */
    public record Seeded(String paymentId, String sessionId, String paymentIntent, String charge, String paymentLink) {
    }

    /** A Checkout payment with its session, moved to {@code status}. The PaymentIntent is stored unless pending. */
    public Seeded checkout(PaymentStatus status) {
        Instant now = Instant.now();
        String id = Ids.newPaymentId(now);
        payments.create(Payment.newPending(id, "user-" + UUID.randomUUID(), "quote-" + UUID.randomUUID(),
                Money.of(AMOUNT, "SGD"), "Travel Cover", "alice@example.com", PaymentKind.CHECKOUT, now),
                TransitionCause.api("initiate_purchase"));
        String session = "cs_test_" + random();
        payments.attachCheckoutSession(id, session, "https://checkout.stripe.com/c/pay/" + session, now.plus(Duration.ofHours(24)), null);
        Seeded seeded = new Seeded(id, session, "pi_" + random(), "ch_" + random(), null);
        moveTo(seeded, status);
        return seeded;
    }

    /** A pending Checkout payment whose session is still to be created (by a test, at the sandbox). */
    public String pendingWithoutSession(PaymentKind kind) {
        Instant now = Instant.now();
        String id = Ids.newPaymentId(now);
        payments.create(Payment.newPending(id, "user-" + UUID.randomUUID(), "quote-" + UUID.randomUUID(),
                Money.of(AMOUNT, "SGD"), "Travel Cover", "alice@example.com", kind, now), TransitionCause.api("initiate_purchase"));
        return id;
    }

    public void attachSession(String paymentId, String sessionId, String url, Instant expiresAt) {
        payments.attachCheckoutSession(paymentId, sessionId, url, expiresAt, null);
    }

    /** As checkout-service's PaymentAttributeWriter.attachPaymentLink does. */
    public void attachPaymentLink(String paymentId, String paymentLinkId) {
        client.updateItem(b -> b.tableName(payments.table()).key(PaymentItems.key(paymentId))
                .updateExpression("SET #l = :l, #v = #v + :one")
                .expressionAttributeNames(Map.of("#l", PaymentTable.PAYMENT_LINK_ID, "#v", "version"))
                .expressionAttributeValues(Map.of(":l", Attr.s(paymentLinkId), ":one", Attr.n(1))));
    }

    /** A pay-later payment: pending, with its Payment Link, but no session yet (that comes with the webhook). */
    public Seeded paymentLink() {
        Instant now = Instant.now();
        String id = Ids.newPaymentId(now);
        payments.create(Payment.newPending(id, "user-" + UUID.randomUUID(), "quote-" + UUID.randomUUID(),
                Money.of(AMOUNT, "SGD"), "Travel Cover", "alice@example.com", PaymentKind.PAYMENT_LINK, now),
                TransitionCause.api("save_quote_for_later"));
        String link = "plink_" + random();
        attachPaymentLink(id, link);
        return new Seeded(id, "cs_test_" + random(), "pi_" + random(), "ch_" + random(), link);
    }

    public void moveTo(Seeded seeded, PaymentStatus status) {
        List<PaymentStatus> path = switch (status) {
            case PENDING -> List.of();
            case FAILED, COMPLETED, EXPIRED, CANCELLED -> List.of(status);
            case PARTIALLY_REFUNDED, REFUNDED, DISPUTED -> List.of(COMPLETED, status);
        };
        for (PaymentStatus step : path) {
            PaymentChanges changes = PaymentChanges.NONE.withStripePaymentIntent(seeded.paymentIntent());
            if (step == PaymentStatus.PARTIALLY_REFUNDED) {
                changes = changes.withRefundedAmount(PARTIAL_REFUND_SEEDED);
            } else if (step == PaymentStatus.REFUNDED) {
                changes = changes.withRefundedAmount(AMOUNT);
            } else if (step == PaymentStatus.FAILED) {
                changes = changes.withFailureReason("Your card was declined.");
            }
            if (!payments.transition(seeded.paymentId(), EnumSet.allOf(PaymentStatus.class), step, TransitionCause.api("setup"),
                    changes, null).applied()) {
                throw new IllegalStateException("could not seed " + status);
            }
        }
    }

    /** As after a first payment attempt: Stripe's PaymentIntent known (disputes carry nothing else). */
    public void attachPaymentIntent(Seeded seeded) {
        payments.attachStripeReferences(seeded.paymentId(), null, seeded.paymentIntent());
    }

    public List<HistoryEntry> history(String paymentId) {
        return payments.history(paymentId);
    }

    public Payment find(String paymentId) {
        return payments.find(paymentId).orElseThrow();
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
