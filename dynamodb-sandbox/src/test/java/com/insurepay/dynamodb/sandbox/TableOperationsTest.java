package com.insurepay.dynamodb.sandbox;

import static com.insurepay.dynamodb.sandbox.QueryScanTest.def;
import static com.insurepay.dynamodb.sandbox.QueryScanTest.key;
import static com.insurepay.dynamodb.sandbox.Sandboxes.client;
import static com.insurepay.dynamodb.sandbox.Sandboxes.item;
import static com.insurepay.dynamodb.sandbox.Sandboxes.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable, UpdateTimeToLive, DescribeTimeToLive. */
class TableOperationsTest {

    private static GlobalSecondaryIndex gsi(String name, String hash, ProjectionType projection) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(hash, KeyType.HASH))
                .projection(Projection.builder().projectionType(projection).build()).build();
    }

    @Test
    void a_created_table_is_described_with_its_indexes_stream_and_billing() {
        String name = Sandboxes.uniqueName("create");
        CreateTableResponse created = client().createTable(Sandboxes.table(name, true)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S), def("g", ScalarAttributeType.N))
                .globalSecondaryIndexes(gsi("g-index", "g", ProjectionType.ALL))
                .streamSpecification(b -> b.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build());
        assertEquals(TableStatus.CREATING, created.tableDescription().tableStatus(), "as DynamoDB answers CreateTable");
        client().waiter().waitUntilTableExists(b -> b.tableName(name));
        TableDescription d = client().describeTable(b -> b.tableName(name)).table();
        assertEquals(TableStatus.ACTIVE, d.tableStatus());
        assertEquals(BillingMode.PAY_PER_REQUEST, d.billingModeSummary().billingMode());
        assertEquals("g", d.globalSecondaryIndexes().get(0).keySchema().get(0).attributeName());
        assertEquals("ACTIVE", d.globalSecondaryIndexes().get(0).indexStatusAsString());
        assertTrue(d.streamSpecification().streamEnabled());
        assertTrue(d.latestStreamArn().startsWith(d.tableArn() + "/stream/"));
        assertEquals(0L, d.itemCount());
        ResourceInUseException again = assertThrows(ResourceInUseException.class,
                () -> client().createTable(Sandboxes.table(name, true).build()));
        assertEquals("Table already exists: " + name, again.awsErrorDetails().errorMessage());
    }

    @Test
    void provisioned_tables_need_throughput_and_on_demand_ones_refuse_it() {
        DynamoDbException missing = assertThrows(DynamoDbException.class, () -> client().createTable(Sandboxes
                .table(Sandboxes.uniqueName("prov"), false).billingMode(BillingMode.PROVISIONED).build()));
        assertEquals(
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED",
                missing.awsErrorDetails().errorMessage());
        String name = Sandboxes.uniqueName("prov");
        client().createTable(Sandboxes.table(name, false).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(3L).build()).build());
        assertEquals(3L, client().describeTable(b -> b.tableName(name)).table().provisionedThroughput().writeCapacityUnits());
        DynamoDbException both = assertThrows(DynamoDbException.class,
                () -> client().createTable(Sandboxes.table(Sandboxes.uniqueName("p"), false)
                        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(3L).build())
                        .build()));
        assertTrue(both.awsErrorDetails().errorMessage().contains("PAY_PER_REQUEST"));
    }

    @Test
    void attribute_definitions_must_match_the_keys_exactly() {
        DynamoDbException extra = assertThrows(DynamoDbException.class,
                () -> client().createTable(Sandboxes.table(Sandboxes.uniqueName("defs"), false)
                        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("unused", ScalarAttributeType.S)).build()));
        assertEquals(
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions",
                extra.awsErrorDetails().errorMessage());
        DynamoDbException undefined = assertThrows(DynamoDbException.class,
                () -> client().createTable(Sandboxes.table(Sandboxes.uniqueName("defs"), false)
                        .attributeDefinitions(def("other", ScalarAttributeType.S)).build()));
        assertTrue(undefined.awsErrorDetails().errorMessage().startsWith(
                "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions."));
        DynamoDbException shortName = assertThrows(DynamoDbException.class,
                () -> client().createTable(Sandboxes.table("ab", false).build()));
        assertTrue(shortName.awsErrorDetails().errorMessage().contains("Member must have length greater than or equal to 3"));
    }

    @Test
    void list_tables_pages_in_name_order() {
        String prefix = Sandboxes.uniqueName("list");
        for (int i = 0; i < 3; i++) {
            client().createTable(Sandboxes.table(prefix + "-" + i, false).build());
        }
        List<String> names = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page = client().listTables(b -> b.limit(2).exclusiveStartTableName(from));
            assertTrue(page.tableNames().size() <= 2);
            names.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);
        assertTrue(names.containsAll(List.of(prefix + "-0", prefix + "-1", prefix + "-2")));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
    }

    @Test
    void a_deleted_table_is_gone() {
        String name = Sandboxes.createTable("delete", false);
        client().putItem(b -> b.tableName(name).item(item("pk", "a")));
        assertEquals(TableStatus.DELETING, client().deleteTable(b -> b.tableName(name)).tableDescription().tableStatus());
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> client().describeTable(b -> b.tableName(name)));
        assertEquals("Requested resource not found: Table: " + name + " not found", e.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class, () -> client().deleteTable(b -> b.tableName(name)));
    }

    @Test
    void update_table_adds_a_back_filled_gsi_and_removes_it() {
        String name = Sandboxes.createTable("gsi", false);
        client().putItem(b -> b.tableName(name).item(item("pk", "1", "colour", "red")));
        client().putItem(b -> b.tableName(name).item(item("pk", "2", "colour", "blue")));
        client().updateTable(b -> b.tableName(name).attributeDefinitions(def("colour", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-colour")
                        .keySchema(key("colour", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))).build()));
        assertEquals(1, client().query(b -> b.tableName(name).indexName("by-colour").keyConditionExpression("colour = :c")
                .expressionAttributeValues(Map.of(":c", s("red")))).count(), "existing items are in the new index");
        client().updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .delete(d -> d.indexName("by-colour")).build()));
        TableDescription d = client().describeTable(b -> b.tableName(name)).table();
        assertFalse(d.hasGlobalSecondaryIndexes() && !d.globalSecondaryIndexes().isEmpty());
        assertEquals(1, d.attributeDefinitions().size(), "the index's attribute definition went with it");
        DynamoDbException gone = assertThrows(DynamoDbException.class, () -> client().query(b -> b.tableName(name).indexName("by-colour")
                .keyConditionExpression("colour = :c").expressionAttributeValues(Map.of(":c", s("red")))));
        assertEquals("The table does not have the specified index: by-colour", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void time_to_live_is_enabled_once_and_described() {
        String name = Sandboxes.createTable("ttl", false);
        assertEquals(TimeToLiveStatus.DISABLED,
                client().describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().timeToLiveStatus());
        client().updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        var description = client().describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, description.timeToLiveStatus());
        assertEquals("expires", description.attributeName());
        DynamoDbException twice = assertThrows(DynamoDbException.class, () -> client().updateTimeToLive(b -> b.tableName(name)
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true))));
        assertEquals("TimeToLive is already enabled", twice.awsErrorDetails().errorMessage());
    }
}
