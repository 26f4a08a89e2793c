package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.COMPLETED;
import static com.insurepay.common.payment.PaymentStatus.PENDING;
import static com.insurepay.webhook.support.Deliveries.deliver;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.webhook.support.DynamoDbRequestLog;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One delivery may write to two payments: the refusal on a payment it wrongly names, then the effect on its owner.
 * When the second write fails (answered 503), Stripe's redelivery must still reach the owner: the event's mark on the
 * named payment only says it was refused there.
 */
@QuarkusTest
@TestProfile(DynamoDbRequestLog.Profile.class)
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class RedeliveryAfterAFailedWriteTest {

    @Inject
    PaymentSeeder seeder;

    @Inject
    DynamoDbRequestLog dynamoDb;

    @Test
    void theOwnersWriteFailingAfterTheRefusalOnTheNamedPaymentIsAppliedOnRedelivery() {
        Seeded owner = seeder.paymentLink(Money.of(500, "SGD"), "plink_A" + System.nanoTime());
        Seeded named = seeder.checkout(PENDING, Money.of(90000, "SGD"));
        JsonObject session = StripeEvents.withoutOurIds(StripeEvents.session(owner, "paid"));
        session.addProperty("client_reference_id", named.paymentId());
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "checkout.session.completed", session);
        dynamoDb.clear();
        dynamoDb.failNextUpdateOf(owner.paymentId());

        deliver(body).statusCode(503);

        assertEquals(PENDING, seeder.find(owner.paymentId()).status());
        List<HistoryEntry> refusals = byEvent(named, eventId);
        assertEquals(1, refusals.size(), "the refusal on the named payment was stored before the owner's write failed");
        assertFalse(refusals.get(0).applied());

        deliver(body).statusCode(200).body("outcome", equalTo("applied"));

        assertEquals(COMPLETED, seeder.find(owner.paymentId()).status());
        assertEquals(PENDING, seeder.find(named.paymentId()).status());
        assertEquals(1, byEvent(named, eventId).size(), "the refusal is not recorded twice");
        deliver(body).statusCode(200).body("outcome", equalTo("duplicate"));
    }

    private List<HistoryEntry> byEvent(Seeded p, String eventId) {
        return seeder.history(p.paymentId()).stream().filter(h -> eventId.equals(h.stripeEventId())).toList();
    }
}
