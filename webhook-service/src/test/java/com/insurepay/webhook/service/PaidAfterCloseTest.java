package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.CANCELLED;
import static com.insurepay.common.payment.PaymentStatus.EXPIRED;
import static com.insurepay.common.payment.PaymentStatus.PAID_AFTER_CLOSE;
import static com.insurepay.common.payment.PaymentStatus.REFUNDED;
import static com.insurepay.webhook.support.Deliveries.awaitRecord;
import static com.insurepay.webhook.support.Deliveries.outcomeOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.webhook.support.Metrics;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Money that arrives for a payment we had already closed (cancelled, expired, or a Payment Link we deactivated) is
 * never completed and never kept silently: the payment becomes paid_after_close, is counted, and waits in the
 * paid-after-close index for checkout-service to give the money back.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class PaidAfterCloseTest {

    static final String PAID_AFTER_CLOSE_METRIC = "webhook_paid_after_close_total";

    @Inject
    PaymentSeeder seeder;

    @Inject
    PaymentQueries queries;

    @Inject
    DeliveryLog deliveryLog;

    @Test
    void aCompletionAfterWeCancelledThePaymentIsPaidAfterClose() {
        assertLatePaymentKeptApart(seeder.checkout(CANCELLED), CANCELLED);
    }

    @Test
    void aCompletionAfterThePaymentExpiredIsPaidAfterClose() {
        assertLatePaymentKeptApart(seeder.checkout(EXPIRED), EXPIRED);
    }

    @Test
    void aSessionOfAnExpiredPaymentLinkPaidLateIsPaidAfterCloseAndLearnsItsSession() {
        // checkout-service expired the pay-later payment and deactivated its link; a session opened before still pays.
        Seeded link = seeder.paymentLink();
        seeder.moveTo(link, EXPIRED);
        assertLatePaymentKeptApart(link, EXPIRED);
        assertEquals(link.sessionId(), seeder.find(link.paymentId()).stripeSessionId());
    }

    @Test
    void aFullRefundOfLateMoneySettlesItAndTakesItOffTheRefundList() {
        Seeded p = seeder.checkout(PAID_AFTER_CLOSE);
        awaitListedAsPaidAfterClose(p);
        assertEquals("applied", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.refundedCharge(p, p.amount()))));
        Payment refunded = seeder.find(p.paymentId());
        assertEquals(REFUNDED, refunded.status());
        assertEquals(p.amount(), refunded.refundedAmount());
        await("off the paid-after-close list").atMost(Duration.ofSeconds(10))
                .until(() -> !paidAfterCloseIds().contains(p.paymentId()));
    }

    @Test
    void aRefundThatOvertakesTheLateCompletionRecordsTheLatePaymentInTheSameWrite() {
        Seeded p = seeder.checkout(CANCELLED);
        long version = seeder.find(p.paymentId()).version();
        assertEquals("applied", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.refundedCharge(p, p.amount()))));
        assertEquals("stale", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.session(p, "paid"))));
        Payment after = seeder.find(p.paymentId());
        assertEquals(REFUNDED, after.status());
        assertEquals(version + 1, after.version());
        List<PaymentStatus> applied = seeder.history(p.paymentId()).stream().filter(HistoryEntry::applied)
                .map(HistoryEntry::to).toList();
        assertEquals(List.of(PaymentStatus.PENDING, CANCELLED, PAID_AFTER_CLOSE, REFUNDED), applied);
    }

    private void assertLatePaymentKeptApart(Seeded p, PaymentStatus closedAs) {
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "checkout.session.completed", StripeEvents.session(p, "paid"));
        double before = Metrics.value(PAID_AFTER_CLOSE_METRIC);

        assertEquals("paid_after_close", outcomeOf(body));

        Payment late = seeder.find(p.paymentId());
        assertEquals(PAID_AFTER_CLOSE, late.status());
        assertEquals(p.paymentIntent(), late.stripePaymentIntent());
        assertNotNull(late.paidAt());
        assertFalse(late.status().canIssuePolicy(), "late money never gets a policy");
        HistoryEntry last = seeder.history(p.paymentId()).get(seeder.history(p.paymentId()).size() - 1);
        assertEquals(closedAs, last.from());
        assertEquals(PAID_AFTER_CLOSE, last.to());
        assertTrue(last.applied());
        assertEquals(eventId, last.stripeEventId());
        assertEquals(before + 1, Metrics.value(PAID_AFTER_CLOSE_METRIC));
        assertEquals("paid_after_close", awaitRecord(deliveryLog, eventId).outcome());
        awaitListedAsPaidAfterClose(p);

        assertEquals("duplicate", outcomeOf(body));
        assertEquals(before + 1, Metrics.value(PAID_AFTER_CLOSE_METRIC), "a redelivery is not counted again");
    }

    private void awaitListedAsPaidAfterClose(Seeded p) {
        await("listed by findPaidAfterClose").atMost(Duration.ofSeconds(10))
                .until(() -> paidAfterCloseIds().contains(p.paymentId()));
    }

    /** Every payment the paid-after-close index lists (the table is shared by this JVM's tests: all pages). */
    private Set<String> paidAfterCloseIds() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            Page<Payment> page = queries.findPaidAfterClose(PaymentQueries.MAX_PAGE_SIZE, cursor);
            page.items().forEach(p -> {
                assertEquals(PAID_AFTER_CLOSE, p.status(), "only paid_after_close payments are listed");
                ids.add(p.paymentId());
            });
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }
}
