package com.insurepay.webhook.service;

import static com.insurepay.webhook.support.Deliveries.awaitRecord;
import static com.insurepay.webhook.support.Deliveries.deliver;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.testsupport.DynamoDbSandboxServer;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.PaymentSeeder.Seeded;
import com.insurepay.webhook.support.StripeEvents;
import com.insurepay.webhook.support.StripeSigner;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB goes away mid-test: deliveries are answered 5xx (never acknowledged and lost); once it is back, Stripe's
 * redelivery of the same event is applied exactly once.
 */
@QuarkusTest
@TestProfile(DynamoDbOutageTest.OwnDynamoDb.class)
class DynamoDbOutageTest {

    /** Points the application at a dynamodb-sandbox of its own, which this test stops and starts. */
    public static class OwnDynamoDb implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableDynamoDbResource.class));
        }
    }

    /**
     * A dynamodb-sandbox of this test's own, with a data directory (write-ahead log), so it can be stopped and started
     * again with its data intact (the JVM-wide one of the other tests is in memory and stays up).
     */
    static final class OutageDynamoDb {
        static final DynamoDbSandboxServer SERVER = start();

        private static DynamoDbSandboxServer start() {
            int port = DynamoDbSandboxServer.freePort();
            try {
                Path dir = Files.createDirectories(Path.of("target", "dynamodb-outage-" + port).toAbsolutePath());
                return DynamoDbSandboxServer.startPersistent(port, dir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static class StoppableDynamoDbResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of(
                    "quarkus.dynamodb.endpoint-override", OutageDynamoDb.SERVER.endpoint(),
                    "quarkus.dynamodb.aws.region", DynamoDbSandboxServer.REGION,
                    "quarkus.dynamodb.aws.credentials.type", "static",
                    "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", DynamoDbSandboxServer.ACCESS_KEY,
                    "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", DynamoDbSandboxServer.SECRET_KEY,
                    // Fail fast while it is down (the default would wait for several SDK retries).
                    "quarkus.dynamodb.api-call-timeout", "3S",
                    "payments.table.ensure-on-start", "true");
        }

        @Override
        public void stop() {
            OutageDynamoDb.SERVER.stop();
        }

        @Override
        public int order() {
            // After the JVM-wide DynamoDbSandboxTestResource of the other test classes, so this endpoint wins.
            return Integer.MAX_VALUE;
        }
    }

    @Inject
    PaymentSeeder seeder;

    @Inject
    DeliveryLog deliveryLog;

    @AfterEach
    void dynamoDbBackUp() {
        OutageDynamoDb.SERVER.start();
    }

    @Test
    void aDeliveryDuringAnOutageIs503AndItsRedeliveryIsAppliedExactlyOnce() {
        assertEquals(OutageDynamoDb.SERVER.endpoint(),
                ConfigProvider.getConfig().getValue("quarkus.dynamodb.endpoint-override", String.class),
                "this test must run against its own dynamodb-sandbox");
        Seeded p = seeder.checkout(PaymentStatus.PENDING);
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "checkout.session.completed",
                StripeEvents.session(p, "paid"));

        OutageDynamoDb.SERVER.stop();
        deliver(body).statusCode(503).body("error", equalTo("temporarily_unavailable"));
        given().get("/q/health/ready").then().statusCode(503);
        // Stripe retries: still down, still not acknowledged.
        deliver(body, StripeSigner.header(body, StripeSigner.PRIMARY_SECRET, Instant.now().getEpochSecond())).statusCode(503);

        OutageDynamoDb.SERVER.start();
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals(PaymentStatus.PENDING, seeder.find(p.paymentId()).status(), "nothing was half-applied");
        assertTrue(seeder.history(p.paymentId()).stream().noneMatch(h -> eventId.equals(h.stripeEventId())),
                "nothing was recorded for the event, so its redelivery is not taken for a duplicate");

        deliver(body).statusCode(200).body("outcome", equalTo("applied"));
        deliver(body).statusCode(200).body("outcome", equalTo("duplicate"));
        assertEquals(PaymentStatus.COMPLETED, seeder.find(p.paymentId()).status());
        List<HistoryEntry> byEvent = seeder.history(p.paymentId()).stream().filter(h -> eventId.equals(h.stripeEventId())).toList();
        assertEquals(1, byEvent.size());
        assertTrue(byEvent.get(0).applied());
        assertEquals("applied", awaitRecord(deliveryLog, eventId).outcome());
    }

    @Test
    void anEventThatCannotBeLookedUpDuringAnOutageIsNotAcknowledgedAsIgnored() {
        String eventId = StripeEvents.newEventId();
        String body = StripeEvents.event(eventId, "checkout.session.completed",
                StripeEvents.session("cs_test_unknown_during_outage", null, null, "paid", null, null, 15000, "sgd"));
        OutageDynamoDb.SERVER.stop();
        deliver(body).statusCode(503);
        OutageDynamoDb.SERVER.start();
        deliver(body).statusCode(200).body("outcome", equalTo("ignored"));
        assertEquals("ignored", awaitRecord(deliveryLog, eventId).outcome());
    }
}
