package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.table.IndexDefinition;
import com.insurepay.dynamodb.sandbox.table.KeySchema;
import com.insurepay.dynamodb.sandbox.table.SecondaryIndex;
import com.insurepay.dynamodb.sandbox.table.Table;
import com.insurepay.dynamodb.sandbox.table.TableDefinition;

/** The TableDescription structure of CreateTable, DescribeTable, UpdateTable and DeleteTable. */
final class TableDescriptions {

    static final String ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    private TableDescriptions() {
    }

    static ObjectNode describe(Table table, String status, String newIndexStatus) {
        TableDefinition d = table.definition();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        ArrayNode attrs = n.putArray("AttributeDefinitions");
        d.attributeDefinitions().forEach((name, type) -> attrs.addObject().put("AttributeName", name).put("AttributeType", type.name()));
        n.put("TableName", d.name());
        n.set("KeySchema", keySchema(d.key()));
        n.put("TableStatus", status);
        n.put("CreationDateTime", d.createdEpochMillis() / 1000.0);
        n.set("ProvisionedThroughput", throughput(d.readCapacity(), d.writeCapacity()));
        n.put("TableSizeBytes", table.sizeBytes());
        n.put("ItemCount", table.itemCount());
        n.put("TableArn", ARN_PREFIX + d.name());
        n.put("TableId", d.tableId());
        if (d.billingMode().equals("PAY_PER_REQUEST")) {
            n.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", d.createdEpochMillis() / 1000.0);
        }
        if (!d.localIndexes().isEmpty()) {
            ArrayNode lsis = n.putArray("LocalSecondaryIndexes");
            d.localIndexes().forEach(i -> lsis.add(index(table, i, null)));
        }
        if (!d.globalIndexes().isEmpty()) {
            ArrayNode gsis = n.putArray("GlobalSecondaryIndexes");
            d.globalIndexes().forEach(i -> gsis.add(index(table, i, newIndexStatus != null && table.index(i.name()) == null
                    ? newIndexStatus : "ACTIVE")));
        }
        if (d.streamViewType() != null) {
            n.putObject("StreamSpecification").put("StreamEnabled", d.streamEnabled()).put("StreamViewType", d.streamViewType());
            if (d.streamEnabled()) {
                n.put("LatestStreamLabel", d.streamLabel());
                n.put("LatestStreamArn", ARN_PREFIX + d.name() + "/stream/" + d.streamLabel());
            }
        }
        n.put("DeletionProtectionEnabled", d.deletionProtection());
        return n;
    }

    private static ObjectNode index(Table table, IndexDefinition i, String status) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("IndexName", i.name());
        n.set("KeySchema", keySchema(i.key()));
        ObjectNode projection = n.putObject("Projection").put("ProjectionType", i.projection().name());
        if (!i.nonKeyAttributes().isEmpty()) {
            ArrayNode nk = projection.putArray("NonKeyAttributes");
            i.nonKeyAttributes().forEach(nk::add);
        }
        if (i.global()) {
            n.put("IndexStatus", status);
            n.set("ProvisionedThroughput", throughput(i.readCapacity(), i.writeCapacity()));
        }
        SecondaryIndex live = table.index(i.name());
        n.put("IndexSizeBytes", live == null ? 0 : live.sizeBytes());
        n.put("ItemCount", live == null ? 0 : live.itemCount());
        n.put("IndexArn", ARN_PREFIX + table.name() + "/index/" + i.name());
        return n;
    }

    static ArrayNode keySchema(KeySchema k) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        a.addObject().put("AttributeName", k.hash().name()).put("KeyType", "HASH");
        if (k.hasRange()) {
            a.addObject().put("AttributeName", k.range().name()).put("KeyType", "RANGE");
        }
        return a;
    }

    private static ObjectNode throughput(long read, long write) {
        return JsonNodeFactory.instance.objectNode().put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", read)
                .put("WriteCapacityUnits", write);
    }
}
