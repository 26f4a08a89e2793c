package com.insurepay.common.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import org.jboss.logging.Logger;

/**
 * The one DynamoDB table, defined in one place: key names, item key prefixes, GSIs, streams and TTL.
 * Every access pattern and the key or index that serves it is listed in common-model/README.md.
 */
public final class PaymentTable {

    public static final String DEFAULT_NAME = "payments";

    // Primary key: generic names because the table holds several item types.
    public static final String PK = "pk";
    public static final String SK = "sk";
    /** Epoch seconds after which DynamoDB deletes the item (processed events, delivery records). */
    public static final String TTL_ATTRIBUTE = "ttl_epoch";

    // Item keys.
    public static final String PAYMENT_PK_PREFIX = "PAY#";
    public static final String PAYMENT_SK = "PAYMENT";
    public static final String HISTORY_SK_PREFIX = "HIST#";
    public static final String EVENT_PK_PREFIX = "EVT#";
    public static final String EVENT_SK = "EVENT";
    public static final String POLICY_PK_PREFIX = "POLICY#";
    public static final String POLICY_SK = "POLICY";
    public static final String QUOTE_PK_PREFIX = "QUOTE#";
    public static final String PAYMENT_LINK_SK = "PAYLINK";
    public static final String COUNTER_PK_PREFIX = "COUNTER#";
    public static final String COUNTER_SK = "COUNTER";
    public static final String TOKEN_PK_PREFIX = "TOKEN#";
    public static final String TOKEN_SK = "TOKEN";

    // Attribute names shared by items and indexes (the seeds' names where they fit).
    public static final String ENTITY = "entity";
    public static final String USER_ID = "user_id";
    public static final String QUOTE_ID = "quote_id";
    public static final String CREATED_AT = "created_at";
    public static final String STRIPE_SESSION_ID = "stripe_session_id";
    public static final String STRIPE_PAYMENT_INTENT = "stripe_payment_intent";
    public static final String PAYMENT_LINK_ID = "payment_link_id";
    /** Present only while a payment is open (pending/failed): makes {@link #OPEN_PAYMENTS_INDEX} sparse. */
    public static final String OPEN_BUCKET = "open_bucket";
    public static final String EXPIRES_AT = "expires_at";
    /** Present only on MCP token items: makes {@link #TOKENS_INDEX} sparse. */
    public static final String TOKEN_BUCKET = "token_bucket";

    // Global secondary indexes.
    public static final String USER_INDEX = "user_id-index";
    public static final String QUOTE_INDEX = "quote_id-index";
    public static final String SESSION_INDEX = "stripe_session_id-index";
    public static final String PAYMENT_INTENT_INDEX = "stripe_payment_intent-index";
    public static final String PAYMENT_LINK_INDEX = "payment_link_id-index";
    public static final String OPEN_PAYMENTS_INDEX = "open_payments-index";
    public static final String TOKENS_INDEX = "tokens-index";

    /** name → (hash key, range key or null). */
    static final Map<String, String[]> INDEXES = Map.of(
            USER_INDEX, new String[] {USER_ID, CREATED_AT},
            QUOTE_INDEX, new String[] {QUOTE_ID, CREATED_AT},
            SESSION_INDEX, new String[] {STRIPE_SESSION_ID, null},
            PAYMENT_INTENT_INDEX, new String[] {STRIPE_PAYMENT_INTENT, null},
            PAYMENT_LINK_INDEX, new String[] {PAYMENT_LINK_ID, CREATED_AT},
            OPEN_PAYMENTS_INDEX, new String[] {OPEN_BUCKET, EXPIRES_AT},
            TOKENS_INDEX, new String[] {TOKEN_BUCKET, CREATED_AT});

    private static final Logger LOG = Logger.getLogger(PaymentTable.class);

    private PaymentTable() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        Set<String> attributes = new TreeSet<>(List.of(PK, SK));
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        INDEXES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<KeySchemaElement> keys = new ArrayList<>();
            keys.add(key(e.getValue()[0], KeyType.HASH));
            attributes.add(e.getValue()[0]);
            if (e.getValue()[1] != null) {
                keys.add(key(e.getValue()[1], KeyType.RANGE));
                attributes.add(e.getValue()[1]);
            }
            gsis.add(GlobalSecondaryIndex.builder().indexName(e.getKey()).keySchema(keys)
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
        });
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .attributeDefinitions(attributes.stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a).attributeType(ScalarAttributeType.S).build())
                        .collect(Collectors.toList()))
                .globalSecondaryIndexes(gsis)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .build();
    }

    /**
     * Creates the table when missing and verifies it when present; safe to run any number of times, also by
     * several processes at once.
     *
     * @return true if this call created the table
     * @throws TableMismatchException when an existing table lacks a key, index, stream or TTL setting we rely on
     */
    public static boolean ensure(DynamoDbClient client, String tableName) {
        boolean created = false;
        TableDescription description;
        try {
            description = client.describeTable(b -> b.tableName(tableName)).table();
        } catch (ResourceNotFoundException missing) {
            try {
                client.createTable(createTableRequest(tableName));
                created = true;
                LOG.infof("Created DynamoDB table %s", tableName);
            } catch (ResourceInUseException raced) {
                LOG.debugf("Table %s was created concurrently", tableName);
            }
            client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
            description = client.describeTable(b -> b.tableName(tableName)).table();
        }
        ensureTimeToLive(client, tableName);
        verify(description);
        return created;
    }

    private static void ensureTimeToLive(DynamoDbClient client, String tableName) {
        TimeToLiveStatus status = client.describeTimeToLive(DescribeTimeToLiveRequest.builder().tableName(tableName).build())
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.DISABLED || status == null) {
            client.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(
                    TimeToLiveSpecification.builder().attributeName(TTL_ATTRIBUTE).enabled(true).build()));
        }
    }

    /** Checks an existing table against this definition. */
    public static void verify(TableDescription table) {
        List<String> problems = new ArrayList<>();
        Map<KeyType, String> keys = table.keySchema().stream()
                .collect(Collectors.toMap(KeySchemaElement::keyType, KeySchemaElement::attributeName));
        if (!PK.equals(keys.get(KeyType.HASH)) || !SK.equals(keys.get(KeyType.RANGE))) {
            problems.add("primary key must be (" + PK + ", " + SK + "), is " + keys);
        }
        Map<String, GlobalSecondaryIndexDescription> present = table.globalSecondaryIndexes() == null ? Map.of()
                : table.globalSecondaryIndexes().stream()
                        .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
        INDEXES.forEach((name, expected) -> {
            GlobalSecondaryIndexDescription gsi = present.get(name);
            if (gsi == null) {
                problems.add("missing GSI " + name);
                return;
            }
            Map<KeyType, String> gsiKeys = gsi.keySchema().stream()
                    .collect(Collectors.toMap(KeySchemaElement::keyType, KeySchemaElement::attributeName));
            if (!expected[0].equals(gsiKeys.get(KeyType.HASH)) || !Objects.equals(expected[1], gsiKeys.get(KeyType.RANGE))) {
                problems.add("GSI " + name + " must be keyed (" + expected[0] + ", " + expected[1] + "), is " + gsiKeys);
            }
        });
        if (table.streamSpecification() == null || !Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                || table.streamSpecification().streamViewType() != StreamViewType.NEW_AND_OLD_IMAGES) {
            problems.add("stream must be enabled with NEW_AND_OLD_IMAGES");
        }
        if (!problems.isEmpty()) {
            throw new TableMismatchException(table.tableName(), problems);
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
