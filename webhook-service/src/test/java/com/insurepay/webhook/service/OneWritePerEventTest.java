package com.insurepay.webhook.service;

import static com.insurepay.common.payment.PaymentStatus.COMPLETED;
import static com.insurepay.common.payment.PaymentStatus.PENDING;
import static com.insurepay.webhook.support.Deliveries.awaitRecord;
import static com.insurepay.webhook.support.Deliveries.outcomeOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.table.PaymentTable;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.webhook.support.Deliveries;
import com.insurepay.webhook.support.DynamoDbRequestLog;
import com.insurepay.webhook.support.DynamoDbRequestLog.Sent;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What a delivery costs in DynamoDB requests, counted on the application's own client: a completion that names its
 * payment is ONE conditional UpdateItem, with no read before it; the delivery log follows off the request path.
 */
@QuarkusTest
@TestProfile(DynamoDbRequestLog.Profile.class)
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class OneWritePerEventTest {

    static final String DELIVERY_LOG_THREAD = "delivery-log-writer";

    @Inject
    PaymentSeeder seeder;

    @Inject
    DynamoDbRequestLog requests;

    @Inject
    DeliveryLog deliveryLog;

    @BeforeEach
    void seedingIsNotCounted() {
        requests.clear();
    }

    @Test
    void aCompletionNamingItsPaymentIsOneConditionalUpdateAndNothingElse() {
        Seeded p = seeder.checkout(PENDING);
        String eventId = StripeEvents.newEventId();
        requests.clear();

        assertEquals("applied", outcomeOf(StripeEvents.event(eventId, "checkout.session.completed",
                StripeEvents.session(p, "paid"))));

        List<Sent> sent = onTheRequestPath();
        assertEquals(1, sent.size(), "one request per applied completion: " + sent);
        UpdateItemRequest update = assertInstanceOf(UpdateItemRequest.class, sent.get(0).request());
        assertEquals(PaymentItems.key(p.paymentId()), update.key());
        assertEquals(ReturnValuesOnConditionCheckFailure.ALL_OLD, update.returnValuesOnConditionCheckFailure(),
                "a refusal is explained from the item DynamoDB returns, not from a read");
        assertTrue(update.conditionExpression().contains("NOT contains("), update.conditionExpression());
        assertEquals(COMPLETED, seeder.find(p.paymentId()).status());
        assertDeliveryLogWrittenOffThePath(eventId);
    }

    @Test
    void aPaymentLinkCompletionNamingItsPaymentIsOneUpdateToo() {
        Seeded link = seeder.paymentLink();
        requests.clear();

        assertEquals("applied", outcomeOf(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.session(link, "paid"))));

        List<Sent> sent = onTheRequestPath();
        assertEquals(1, sent.size(), sent.toString());
        assertEquals(PaymentItems.key(link.paymentId()), assertInstanceOf(UpdateItemRequest.class, sent.get(0).request()).key());
        assertEquals(link.sessionId(), seeder.find(link.paymentId()).stripeSessionId(), "the session is stored by that write");
    }

    @Test
    void aRedeliveryIsOneRefusedUpdateAndWritesNothing() {
        Seeded p = seeder.checkout(PENDING);
        String body = StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed", StripeEvents.session(p, "paid"));
        assertEquals("applied", outcomeOf(body));
        long version = seeder.find(p.paymentId()).version();
        requests.clear();

        assertEquals("duplicate", outcomeOf(body));

        List<Sent> sent = onTheRequestPath();
        assertEquals(1, sent.size(), "the duplicate is recognised from the item returned with the refusal: " + sent);
        assertInstanceOf(UpdateItemRequest.class, sent.get(0).request());
        assertEquals(version, seeder.find(p.paymentId()).version());
    }

    @Test
    void withoutOurIdsTheOwnerIsFoundThroughTheIndexBeforeTheOneUpdate() {
        Seeded p = seeder.checkout(PENDING);
        String body = StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.withoutOurIds(StripeEvents.session(p, "paid")));
        requests.clear();

        assertEquals("applied", outcomeOf(body));

        List<String> operations = onTheRequestPath().stream().map(s -> s.request().getClass().getSimpleName()).toList();
        assertEquals(List.of("QueryRequest", "BatchGetItemRequest", "UpdateItemRequest"), operations);
    }

    /** What the service sent while answering: everything but the asynchronous delivery log's writes. */
    private List<Sent> onTheRequestPath() {
        return requests.sent().stream().filter(s -> !DELIVERY_LOG_THREAD.equals(s.thread())).toList();
    }

    private static boolean writes(BatchWriteItemRequest batch, String eventId) {
        return batch.requestItems().values().stream().flatMap(List::stream)
                .anyMatch(w -> w.putRequest() != null && AttributeValue.fromS(PaymentTable.EVENT_PK_PREFIX + eventId)
                        .equals(w.putRequest().item().get(PaymentTable.PK)));
    }

    private void assertDeliveryLogWrittenOffThePath(String eventId) {
        await("the delivery log written by its own thread").atMost(Deliveries.LOG_WAIT)
                .until(() -> requests.sent().stream().anyMatch(s -> DELIVERY_LOG_THREAD.equals(s.thread())
                        && s.request() instanceof BatchWriteItemRequest batch && writes(batch, eventId)));
        assertTrue(requests.sent().stream().filter(s -> DELIVERY_LOG_THREAD.equals(s.thread()))
                .allMatch(s -> s.request() instanceof BatchWriteItemRequest), "the writer only batches");
        var record = awaitRecord(deliveryLog, eventId);
        assertEquals("applied", record.outcome());
        // Listed for operators by the day it was received (deliveries-index), without a Scan.
        assertTrue(deliveryLog.receivedOn(PaymentTable.utcDay(record.receivedAt()), 100, null).items().stream()
                .anyMatch(r -> r.eventId().equals(eventId)), "the day's deliveries list " + eventId);
    }
}
