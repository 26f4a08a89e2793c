package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.COMPLETED;
import static com.insurepay.common.payment.PaymentStatus.PENDING;
import static com.insurepay.webhook.support.Deliveries.awaitRecord;
import static com.insurepay.webhook.support.Deliveries.outcomeOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.DeliveryRecord;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.webhook.support.Deliveries;
import com.insurepay.webhook.support.Metrics;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Only Stripe's own facts move money: a verified event applies to a payment only if its session (or Payment Link),
 * PaymentIntent, amount and currency are that payment's. What a customer can write ({@code client_reference_id} on a
 * Payment Link URL) or what names the wrong payment is refused, kept in that payment's history and counted.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class StripeEvidenceDeliveryTest {

    static final String COMPLETED_TYPE = "checkout.session.completed";
    static final String MISMATCHES = "webhook_mismatches_total{type=\"" + COMPLETED_TYPE + "\"}";

    @Inject
    PaymentSeeder seeder;

    @Inject
    DeliveryLog deliveryLog;

    // --- the attack: a cheap Payment Link session naming a dear payment ---

    @Test
    void aFiveDollarLinkSessionNamingANineHundredDollarPaymentCompletesOnlyTheLinksOwnPayment() {
        Attack attack = new Attack(seeder);
        JsonObject session = StripeEvents.session(attack.cheap, "paid");
        // The customer appended ?client_reference_id=<the dear payment> to the link's URL; the link's metadata is Stripe's.
        session.addProperty("client_reference_id", attack.dear.paymentId());

        String eventId = attack.deliver(session);

        assertEquals(COMPLETED, seeder.find(attack.cheap.paymentId()).status());
        attack.assertDearPaymentOnlyRecordsTheForgery(eventId);
    }

    @Test
    void withoutMetadataTheForgedReferenceStillCompletesOnlyTheOwnerFoundThroughTheLink() {
        Attack attack = new Attack(seeder);
        JsonObject session = StripeEvents.withoutOurIds(StripeEvents.session(attack.cheap, "paid"));
        session.addProperty("client_reference_id", attack.dear.paymentId());

        String eventId = attack.deliver(session);

        Payment owner = seeder.find(attack.cheap.paymentId());
        assertEquals(COMPLETED, owner.status());
        assertEquals(attack.cheap.sessionId(), owner.stripeSessionId());
        attack.assertDearPaymentOnlyRecordsTheForgery(eventId);
    }

    /** A SGD 5.00 pay-later payment (its link plink_A...) and a SGD 900.00 pending checkout payment. */
    private final class Attack {
        final Seeded cheap;
        final Seeded dear;
        final long dearVersion;
        double mismatchesBefore;

        Attack(PaymentSeeder seeder) {
            cheap = seeder.paymentLink(Money.of(500, "SGD"), "plink_A" + unique());
            dear = seeder.checkout(PENDING, Money.of(90000, "SGD"));
            dearVersion = seeder.find(dear.paymentId()).version();
        }

        /** Delivers the signed completion of the cheap link's session: acknowledged as applied (to its owner). */
        String deliver(JsonObject session) {
            assertEquals(500, session.get("amount_total").getAsLong());
            mismatchesBefore = Metrics.value(MISMATCHES);
            String eventId = StripeEvents.newEventId();
            Deliveries.deliver(StripeEvents.event(eventId, COMPLETED_TYPE, session)).statusCode(200)
                    .body("outcome", equalTo("applied"));
            return eventId;
        }

        void assertDearPaymentOnlyRecordsTheForgery(String eventId) {
            Payment untouched = seeder.find(dear.paymentId());
            assertEquals(PENDING, untouched.status());
            assertEquals(dearVersion, untouched.version(), "the named payment's state is untouched");
            assertNull(untouched.stripePaymentIntent());
            HistoryEntry refused = last(dear);
            assertFalse(refused.applied());
            assertEquals(eventId, refused.stripeEventId());
            assertEquals(COMPLETED, refused.to());
            assertTrue(refused.detail().contains("checkout session " + cheap.sessionId() + " is not this payment's session "
                    + dear.sessionId()), refused.detail());
            assertEquals(mismatchesBefore + 1, Metrics.value(MISMATCHES));
            DeliveryRecord record = awaitRecord(deliveryLog, eventId);
            assertEquals("applied", record.outcome());
            assertEquals(cheap.paymentId(), record.paymentId());
        }
    }

    // --- signed completions whose money is not the payment's ---

    @Test
    void aCompletionForAnotherAmountIsAMismatch() {
        Seeded p = seeder.checkout(PENDING);
        JsonObject session = StripeEvents.session(p, "paid");
        session.addProperty("amount_total", p.amount() - 1);
        assertRefusedAsMismatch(p, session, "amount " + (p.amount() - 1) + " SGD is not this payment's " + p.amount() + " SGD");
    }

    @Test
    void aCompletionInAnotherCurrencyIsAMismatch() {
        Seeded p = seeder.checkout(PENDING);
        JsonObject session = StripeEvents.session(p, "paid");
        session.addProperty("currency", "usd");
        assertRefusedAsMismatch(p, session, "currency USD is not this payment's SGD");
    }

    @Test
    void aCurrencyInEitherCaseIsTheSameCurrency() {
        Seeded lower = seeder.checkout(PENDING);
        assertEquals("SGD", seeder.find(lower.paymentId()).currency());
        JsonObject asStripeSendsIt = StripeEvents.session(lower, "paid");
        assertEquals("sgd", asStripeSendsIt.get("currency").getAsString());
        assertEquals("applied", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), COMPLETED_TYPE, asStripeSendsIt)));
        Seeded upper = seeder.checkout(PENDING);
        JsonObject upperCase = StripeEvents.session(upper, "paid");
        upperCase.addProperty("currency", "SGD");
        assertEquals("applied", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), COMPLETED_TYPE, upperCase)));
        assertEquals(COMPLETED, seeder.find(lower.paymentId()).status());
        assertEquals(COMPLETED, seeder.find(upper.paymentId()).status());
    }

    @Test
    void aCompletionOfAnotherSessionNamingThePaymentIsAMismatch() {
        Seeded p = seeder.checkout(PENDING);
        JsonObject session = StripeEvents.session(p, "paid");
        String other = "cs_test_other_" + unique();
        session.addProperty("id", other);
        assertRefusedAsMismatch(p, session, "checkout session " + other + " is not this payment's session " + p.sessionId());
    }

    @Test
    void aCompletionOfAnotherPaymentLinksSessionIsAMismatch() {
        Seeded p = seeder.paymentLink();
        JsonObject session = StripeEvents.session(p, "paid");
        String otherLink = "plink_other_" + unique();
        session.addProperty("payment_link", otherLink);
        assertRefusedAsMismatch(p, session, "comes from payment link " + otherLink + ", not from this payment's payment link "
                + p.paymentLink());
    }

    @Test
    void aRefundOfAnotherPaymentIntentNamingThePaymentIsAMismatch() {
        Seeded p = seeder.checkout(COMPLETED);
        JsonObject charge = StripeEvents.refundedCharge(p, p.amount());
        String otherIntent = "pi_other_" + unique();
        charge.addProperty("payment_intent", otherIntent);
        String eventId = StripeEvents.newEventId();
        double mismatches = Metrics.value("webhook_mismatches_total{type=\"charge.refunded\"}");
        assertEquals("mismatch", outcomeOf(StripeEvents.event(eventId, "charge.refunded", charge)));
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
        assertEquals(0, seeder.find(p.paymentId()).refundedAmount());
        assertTrue(last(p).detail().contains("payment intent " + otherIntent + " is not this payment's " + p.paymentIntent()),
                last(p).detail());
        assertEquals(mismatches + 1, Metrics.value("webhook_mismatches_total{type=\"charge.refunded\"}"));
    }

    private void assertRefusedAsMismatch(Seeded p, JsonObject session, String expectedDetail) {
        Payment before = seeder.find(p.paymentId());
        int historyBefore = seeder.history(p.paymentId()).size();
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, COMPLETED_TYPE, session);
        double mismatches = Metrics.value(MISMATCHES);

        assertEquals("mismatch", outcomeOf(body));

        Payment after = seeder.find(p.paymentId());
        assertEquals(before.status(), after.status());
        assertEquals(before.version(), after.version(), "nothing about the payment changed");
        assertEquals(before.stripeSessionId(), after.stripeSessionId());
        assertEquals(before.stripePaymentIntent(), after.stripePaymentIntent());
        List<HistoryEntry> history = seeder.history(p.paymentId());
        assertEquals(historyBefore + 1, history.size());
        HistoryEntry refused = history.get(history.size() - 1);
        assertFalse(refused.applied());
        assertEquals(eventId, refused.stripeEventId());
        assertTrue(refused.detail().contains(expectedDetail), refused.detail());
        assertEquals(mismatches + 1, Metrics.value(MISMATCHES));
        assertEquals("mismatch", awaitRecord(deliveryLog, eventId).outcome());

        assertEquals("duplicate", outcomeOf(body), "the refusal is recorded once; Stripe's retry is a duplicate");
        assertEquals(historyBefore + 1, seeder.history(p.paymentId()).size());
        assertEquals(mismatches + 1, Metrics.value(MISMATCHES));
    }

    private HistoryEntry last(Seeded p) {
        List<HistoryEntry> history = seeder.history(p.paymentId());
        return history.get(history.size() - 1);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
