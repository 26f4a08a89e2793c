package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.CANCELLED;
import static com.insurepay.common.payment.PaymentStatus.PENDING;
import static com.insurepay.webhook.support.Deliveries.outcomeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.webhook.support.Metrics;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The business metrics webhook-service exports where it applies a transition: payments by resulting status and
 * currency, money received (once per payment, whatever event brought it), and webhook outcomes with bounded labels.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class BusinessMetricsTest {

    static final String COMPLETED = transitions("completed");
    static final String PARTIALLY_REFUNDED = transitions("partially_refunded");
    static final String REFUNDED = transitions("refunded");
    static final String RECEIVED = "insurepay_payments_received_total{currency=\"SGD\",late=\"false\"}";
    static final String RECEIVED_AMOUNT = "insurepay_payments_received_amount_total{currency=\"SGD\",late=\"false\"}";
    static final String SESSION_COMPLETED = "checkout.session.completed";

    @Inject
    PaymentSeeder seeder;

    static String transitions(String status) {
        return "insurepay_payment_transitions_total{currency=\"SGD\",kind=\"checkout\",to_status=\"" + status + "\"}";
    }

    @Test
    void aCompletionCountsThePaymentAndItsMoneyOnceAndARefundIsNotRevenue() {
        Seeded p = seeder.checkout(PENDING);
        double completed = Metrics.value(COMPLETED);
        double received = Metrics.value(RECEIVED);
        double amount = Metrics.value(RECEIVED_AMOUNT);
        double partly = Metrics.value(PARTIALLY_REFUNDED);
        String body = StripeEvents.event(StripeEvents.newEventId(), SESSION_COMPLETED, StripeEvents.session(p, "paid"));

        assertEquals("applied", outcomeOf(body));
        assertEquals(completed + 1, Metrics.value(COMPLETED));
        assertEquals(received + 1, Metrics.value(RECEIVED));
        assertEquals(amount + p.amount(), Metrics.value(RECEIVED_AMOUNT), "revenue in minor units");

        assertEquals("duplicate", outcomeOf(body));
        assertEquals(completed + 1, Metrics.value(COMPLETED), "a redelivery counts nothing");

        assertEquals("applied", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.refundedCharge(p, 5000))));
        assertEquals(partly + 1, Metrics.value(PARTIALLY_REFUNDED));
        assertEquals(received + 1, Metrics.value(RECEIVED), "a refund brings no money");
        assertEquals(amount + p.amount(), Metrics.value(RECEIVED_AMOUNT));
    }

    @Test
    void aRefundThatOvertakesTheCompletionStillCountsTheMoneyReceived() {
        Seeded p = seeder.checkout(PENDING);
        double refunded = Metrics.value(REFUNDED);
        double received = Metrics.value(RECEIVED);
        double amount = Metrics.value(RECEIVED_AMOUNT);

        assertEquals("applied", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.refundedCharge(p, p.amount()))));
        assertEquals(refunded + 1, Metrics.value(REFUNDED));
        assertEquals(received + 1, Metrics.value(RECEIVED));
        assertEquals(amount + p.amount(), Metrics.value(RECEIVED_AMOUNT));
        assertEquals("stale", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), SESSION_COMPLETED,
                StripeEvents.session(p, "paid"))));
        assertEquals(received + 1, Metrics.value(RECEIVED), "the late completion brings the same money: not counted again");
    }

    @Test
    void lateMoneyIsCountedApartFromRevenue() {
        Seeded p = seeder.checkout(CANCELLED);
        String late = "insurepay_payments_received_amount_total{currency=\"SGD\",late=\"true\"}";
        double lateBefore = Metrics.value(late);
        double amount = Metrics.value(RECEIVED_AMOUNT);
        double paidAfterClose = Metrics.value(transitions("paid_after_close"));

        assertEquals("paid_after_close", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), SESSION_COMPLETED,
                StripeEvents.session(p, "paid"))));
        assertEquals(lateBefore + p.amount(), Metrics.value(late));
        assertEquals(amount, Metrics.value(RECEIVED_AMOUNT), "money to give back is not revenue");
        assertEquals(paidAfterClose + 1, Metrics.value(transitions("paid_after_close")));
    }

    @Test
    void aMismatchIsCountedAsAnOutcomeAndChangesNoPayment() {
        Seeded p = seeder.checkout(PENDING);
        JsonObject session = StripeEvents.session(p, "paid");
        session.addProperty("amount_total", p.amount() - 1);
        String mismatches = "webhook_mismatches_total{type=\"" + SESSION_COMPLETED + "\"}";
        String outcome = "webhook_deliveries_total{outcome=\"mismatch\",type=\"" + SESSION_COMPLETED + "\"}";
        double before = Metrics.value(mismatches);
        double outcomes = Metrics.value(outcome);
        double completed = Metrics.value(COMPLETED);
        double received = Metrics.value(RECEIVED);

        assertEquals("mismatch", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), SESSION_COMPLETED, session)));
        assertEquals(before + 1, Metrics.value(mismatches));
        assertEquals(outcomes + 1, Metrics.value(outcome));
        assertEquals(completed, Metrics.value(COMPLETED));
        assertEquals(received, Metrics.value(RECEIVED));
    }

    @Test
    void eventTypesWeDoNotHandleShareOneLabelValue() {
        String other = "webhook_deliveries_total{outcome=\"ignored\",type=\"other\"}";
        double before = Metrics.value(other);
        JsonObject customer = new JsonObject();
        customer.addProperty("id", "cus_" + StripeEvents.newEventId().substring(4));
        customer.addProperty("object", "customer");
        assertEquals("ignored", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), "customer.created", customer)));
        assertEquals(before + 1, Metrics.value(other));
        assertEquals(0, Metrics.value("webhook_deliveries_total{outcome=\"ignored\",type=\"customer.created\"}"));
    }
}
