package com.insurepay.common.table;

import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.testsupport.DynamoDbSandboxServer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class PaymentTableTest {

    private final DynamoDbClient client = DynamoDbSandboxServer.shared().newClient();

    @Test
    void ensureCreatesOnceAndThenVerifies() {
        String name = "payments_ensure_" + System.nanoTime();
        assertTrue(PaymentTable.ensure(client, name), "first run creates");
        assertFalse(PaymentTable.ensure(client, name), "second run only verifies");
        TableDescription table = client.describeTable(b -> b.tableName(name)).table();
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, table.streamSpecification().streamViewType());
        Set<String> indexes = table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("user_id-index", "quote_id-index", "stripe_session_id-index", "stripe_payment_intent-index",
                "payment_link_id-index", "open_payments-index", "tokens-index", "tenant_day-index", "deliveries-index",
                "stats_due-index"), indexes);
        for (GlobalSecondaryIndexDescription gsi : table.globalSecondaryIndexes()) {
            assertEquals(
                    Set.of("tokens-index", "deliveries-index").contains(gsi.indexName()) ? ProjectionType.ALL : ProjectionType.KEYS_ONLY,
                    gsi.projection().projectionType(), gsi.indexName() + ": payment indexes hold keys only");
        }
        assertEquals(PaymentTable.TTL_ATTRIBUTE,
                client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().attributeName());
    }

    /** A table made before the analytics (no stats_due-index) is refused until the index is added. */
    @Test
    void aTableWithoutTheAnalyticsOutboxIndexIsRefused() {
        String name = "payments_before_analytics_" + System.nanoTime();
        CreateTableRequest full = PaymentTable.createTableRequest(name);
        client.createTable(full.toBuilder()
                .globalSecondaryIndexes(full.globalSecondaryIndexes().stream()
                        .filter(g -> !PaymentTable.STATS_DUE_INDEX.equals(g.indexName())).toList())
                .attributeDefinitions(full.attributeDefinitions().stream()
                        .filter(a -> !PaymentTable.STATS_DUE_ATTRIBUTE.equals(a.attributeName())).toList())
                .build());
        TableMismatchException e = assertThrows(TableMismatchException.class, () -> PaymentTable.ensure(client, name));
        assertTrue(e.getMessage().contains("missing GSI stats_due-index"), e.getMessage());
    }

    @Test
    void aTableWithAnotherShapeIsRefused() {
        String name = "payments_wrong_" + System.nanoTime();
        client.createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        TableMismatchException e = assertThrows(TableMismatchException.class, () -> PaymentTable.ensure(client, name));
        assertTrue(e.getMessage().contains("primary key must be (pk, sk)"), e.getMessage());
        assertTrue(e.getMessage().contains("missing GSI user_id-index"), e.getMessage());
    }

    @Test
    void itemsThatAreNotPaymentsUseNoPaymentIndexKey() throws IllegalAccessException {
        Set<String> indexKeys = PaymentTable.INDEXES.entrySet().stream().filter(e -> !e.getKey().equals(PaymentTable.TOKENS_INDEX))
                .flatMap(e -> java.util.Arrays.stream(e.getValue())).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        for (Class<?> itemType : List.of(PaymentTable.PaymentLinks.class, PaymentTable.QuoteLeases.class,
                PaymentTable.RefundRequests.class, PaymentTable.Counters.class, PaymentTable.StatsCounted.class)) {
            for (java.lang.reflect.Field f : itemType.getFields()) {
                String attribute = (String) f.get(null);
                assertFalse(indexKeys.contains(attribute),
                        itemType.getSimpleName() + "." + f.getName() + " = " + attribute + " would put the item in a payment index");
            }
        }
    }
}
