package com.insurepay.common.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    public static final String EVENT_PK_PREFIX = "EVT#";
    public static final String EVENT_SK = "EVENT";
    public static final String POLICY_PK_PREFIX = "POLICY#";
    public static final String POLICY_SK = "POLICY";
    /** Quote items are per tenant: {@code QUOTE#<tenant>#<quote_id>} (see {@link #quotePk}). */
    public static final String QUOTE_PK_PREFIX = "QUOTE#";
    public static final String PAYMENT_LINK_SK = "PAYLINK";
    public static final String QUOTE_LEASE_SK = "CHECKOUT_LEASE";
    public static final String REFUND_SK_PREFIX = "REFUND#";
    public static final String COUNTER_PK_PREFIX = "COUNTER#";
    public static final String COUNTER_SK = "COUNTER";
    public static final String TOKEN_PK_PREFIX = "TOKEN#";
    public static final String TOKEN_SK = "TOKEN";
    /** A tenant's analytics: {@code STATS#<tenant>} / {@code DAY#<yyyy-mm-dd>#<product key>} (see {@link Stats}). */
    public static final String STATS_PK_PREFIX = "STATS#";
    public static final String STATS_DAY_SK_PREFIX = "DAY#";

    /**
     * The partition key of a quote's items (lease, saved link): {@code QUOTE#<tenant>#<quote_id>}. Quote ids are the
     * insurer's, so two tenants may use the same one; neither tenant nor quote id can contain {@code #}.
     */
    public static String quotePk(String tenant, String quoteId) {
        return QUOTE_PK_PREFIX + tenant + "#" + quoteId;
    }

    // Attribute names shared by items and indexes (the seeds' names where they fit).
    public static final String ENTITY = "entity";
    public static final String TENANT = "tenant";
    public static final String USER_ID = "user_id";
    public static final String QUOTE_ID = "quote_id";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";
    public static final String STRIPE_SESSION_ID = "stripe_session_id";
    public static final String STRIPE_PAYMENT_INTENT = "stripe_payment_intent";
    public static final String PAYMENT_LINK_ID = "payment_link_id";
    /**
     * Present only while a payment needs background work: {@link #OPEN} while pending/failed (reconciliation),
     * {@link #PAID_AFTER_CLOSE_BUCKET} while late money waits for its refund, {@link #POLICY_DUE_BUCKET} while a paid
     * payment has no policy yet (automatic issuance). Makes {@link #OPEN_PAYMENTS_INDEX} sparse.
     */
    public static final String OPEN_BUCKET = "open_bucket";
    public static final String OPEN = "OPEN";
    public static final String PAID_AFTER_CLOSE_BUCKET = "PAID_AFTER_CLOSE";
    public static final String POLICY_DUE_BUCKET = "POLICY_DUE";
    public static final String EXPIRES_AT = "expires_at";
    /**
     * {@code <tenant>#<yyyy-mm-dd>} (UTC day of {@link #CREATED_AT}): set once when a payment is created and never
     * changed, so {@link #TENANT_DAY_INDEX} costs one index write per payment and none per transition.
     */
    public static final String TENANT_DAY = "tenant_day";
    /** {@code yyyy-mm-dd} (UTC day of {@code received_at}) on delivery records: {@link #DELIVERIES_INDEX}. */
    public static final String DELIVERY_DAY = "delivery_day";
    /**
     * Present only on a payment whose figures changed since the analytics rollup last counted it ({@link #STATS_DUE}),
     * written in the same write as the change; the rollup removes it when it has counted the payment. Makes
     * {@link #STATS_DUE_INDEX} sparse (the transactional outbox of the analytics).
     */
    public static final String STATS_DUE_ATTRIBUTE = "stats_due";
    public static final String STATS_DUE = "DUE";
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
    /** A tenant's payments of one UTC day, newest first (operators' console): keys only. */
    public static final String TENANT_DAY_INDEX = "tenant_day-index";
    /** The delivery log of one UTC day, newest first (operators' console): all attributes (small, written once). */
    public static final String DELIVERIES_INDEX = "deliveries-index";

    /** The {@link #TENANT_DAY} value of {@code tenant}'s payments created on {@code day} (UTC). */
    public static String tenantDay(String tenant, LocalDate day) {
        return tenant + "#" + day;
    }

    /** The UTC day of an instant, as the day keys hold it ({@code yyyy-mm-dd}). */
    public static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
    /** Payments not yet counted by the analytics rollup ({@code stats_due}, {@code created_at}: a key that never changes). */
    public static final String STATS_DUE_INDEX = "stats_due-index";

    /** The payment item ({@code PAY#<id>} / {@code PAYMENT}): the aggregate, its audit trail and its event marks. */
    public static final class Payments {
        public static final String ENTITY_VALUE = "payment";
        public static final String PAYMENT_ID = "payment_intent_id";
        public static final String AMOUNT = "amount";
        public static final String CURRENCY = "currency";
        public static final String PRODUCT_NAME = "product_name";
        public static final String CUSTOMER_EMAIL = "customer_email";
        public static final String STATUS = "payment_status";
        public static final String KIND = "kind";
        public static final String CHECKOUT_URL = "checkout_url";
        public static final String FAILURE_REASON = "failure_reason";
        public static final String REFUNDED_AMOUNT = "refunded_amount";
        /** Amount held by refund requests in flight (see checkout-service's RefundLedger). */
        public static final String REFUND_RESERVED = "refund_reserved";
        public static final String POLICY_ID = "policy_id";
        public static final String POLICY_NUMBER = "policy_number";
        public static final String PAID_AT = "paid_at";
        public static final String DISPUTE_ID = "dispute_id";
        public static final String DISPUTE_STATUS = "dispute_status";
        public static final String WEBHOOK_PROCESSED_AT = "webhook_processed_at";
        public static final String VERSION = "version";
        /** The audit trail: a list of maps (see {@link HistoryEntries}), appended in the write that changes the payment. */
        public static final String HISTORY = "history";
        /** Ids of the Stripe events already applied or recorded on this payment (string set): de-duplication. */
        public static final String STRIPE_EVENTS = "stripe_events";
        /**
         * The customer e-mails sent (or attempted) about this payment: a list of maps (see {@link EmailEntries}),
         * appended without changing the payment's version or analytics marker. Never the address or the body.
         */
        public static final String EMAILS = "emails";

        private Payments() {
        }
    }

    /** Keys of one map in a payment's {@link Payments#HISTORY} list. */
    public static final class HistoryEntries {
        public static final String AT = "at";
        public static final String FROM = "from_status";
        public static final String TO = "to_status";
        public static final String APPLIED = "applied";
        public static final String SOURCE = "source";
        public static final String ACTOR = "actor";
        public static final String STRIPE_EVENT_ID = "stripe_event_id";
        public static final String DETAIL = "detail";
        public static final String REQUEST_ID = "request_id";
        public static final String CONVERSATION_ID = "conversation_id";

        private HistoryEntries() {
        }
    }

    /** Keys of one map in a payment's {@link Payments#EMAILS} list. */
    public static final class EmailEntries {
        public static final String AT = "at";
        /** {@code policy_confirmation}, {@code late_payment_refunded}, {@code payment_link}. */
        public static final String KIND = "kind";
        /** {@code sent} (the SMTP server took it) or {@code failed}. */
        public static final String OUTCOME = "outcome";
        public static final String ACTOR = "actor";
        public static final String REQUEST_ID = "request_id";

        private EmailEntries() {
        }
    }

    /** The delivery log ({@code EVT#<evt_id>} / {@code EVENT}): what came from Stripe and what was done with it. */
    public static final class DeliveryRecords {
        public static final String ENTITY_VALUE = "stripe_event";
        public static final String EVENT_ID = "event_id";
        public static final String TYPE = "type";
        public static final String STRIPE_OBJECT_ID = "stripe_object_id";
        public static final String PAYMENT_ID = "payment_intent_id";
        public static final String OUTCOME = "outcome";
        public static final String RECEIVED_AT = "received_at";

        private DeliveryRecords() {
        }
    }

    /** A policy ({@code POLICY#<pol_id>} / {@code POLICY}); user/quote under other names to stay out of the payment GSIs. */
    public static final class Policies {
        public static final String ENTITY_VALUE = "policy";
        public static final String POLICY_ID = "policy_id";
        public static final String POLICY_NUMBER = "policy_number";
        public static final String PAYMENT_ID = "payment_intent_id";
        public static final String INSURED_USER_ID = "insured_user_id";
        public static final String INSURED_QUOTE_ID = "insured_quote_id";
        public static final String PRODUCT_NAME = "product_name";
        public static final String PREMIUM_AMOUNT = "premium_amount";
        public static final String CURRENCY = "currency";
        public static final String CUSTOMER_EMAIL = "customer_email";
        public static final String ISSUED_AT = "issued_at";
        public static final String ISSUED_BY = "issued_by";

        private Policies() {
        }
    }

    /** The year's policy-number counter ({@code COUNTER#policy#<year>} / {@code COUNTER}). */
    public static final class Counters {
        public static final String VALUE = "value";

        private Counters() {
        }
    }

    /** A quote's checkout lease ({@code QUOTE#<quote_id>} / {@code CHECKOUT_LEASE}). */
    public static final class QuoteLeases {
        public static final String ENTITY_VALUE = "checkout_lease";
        public static final String HOLDER = "holder";
        public static final String LEASE_UNTIL = "lease_until";

        private QuoteLeases() {
        }
    }

    /** One refund request ({@code PAY#<id>} / {@code REFUND#<request key>}). */
    public static final class RefundRequests {
        public static final String ENTITY_VALUE = "refund_request";
        public static final String PAYMENT_ID = "refund_payment_id";
        public static final String REQUEST_KEY = "request_key";
        public static final String AMOUNT = "refund_amount";
        public static final String REASON = "reason";
        public static final String STATE = "refund_state";
        public static final String REFUND_ID = "refund_id";
        public static final String STRIPE_STATUS = "stripe_status";
        public static final String REQUESTED_AT = "requested_at";
        public static final String ACTOR = "actor";
        public static final String REQUEST_ID = "request_id";
        public static final String CONVERSATION_ID = "conversation_id";

        private RefundRequests() {
        }
    }

    /**
     * A tenant's saved quote and its Stripe Payment Link ({@code QUOTE#<tenant>#<quote_id>} / {@code PAYLINK}). Its
     * attribute names deliberately avoid every payment index key ({@code user_id}, {@code quote_id},
     * {@code payment_link_id}, {@code expires_at}, ...), so the item never appears in a payment GSI.
     */
    public static final class PaymentLinks {
        public static final String ENTITY_VALUE = "payment_link";
        public static final String TENANT = "link_tenant";
        public static final String QUOTE_ID = "link_quote_id";
        public static final String USER_ID = "link_user_id";
        public static final String CUSTOMER_EMAIL = "customer_email";
        public static final String PRODUCT_NAME = "product_name";
        public static final String AMOUNT = "amount";
        public static final String CURRENCY = "currency";
        public static final String POLICY_ID = "insured_policy_id";
        public static final String NOTES = "notes";
        /** The payment the link pays (our id). */
        public static final String PAYMENT_ID = "payment_intent_id";
        public static final String STRIPE_PAYMENT_LINK_ID = "stripe_payment_link_id";
        public static final String URL = "payment_link_url";
        public static final String STRIPE_PRICE_ID = "stripe_price_id";
        public static final String EXPIRES_AT = "link_expires_at";
        public static final String ACTIVE = "active";
        public static final String SENT_AT = "sent_at";
        public static final String SENT_TO = "sent_to";
        public static final String CREATED_AT = "link_created_at";
        /** Optimistic locking: every replace is conditioned on the version read. */
        public static final String VERSION = "version";

        private PaymentLinks() {
        }
    }

    /** An MCP access token ({@code TOKEN#<sha256 of the secret>} / {@code TOKEN}): never the secret itself. */
    public static final class Tokens {
        public static final String ENTITY_VALUE = "mcp_token";
        public static final String BUCKET_VALUE = "TOKEN";
        public static final String TOKEN_ID = "token_id";
        public static final String NAME = "name";
        public static final String SCOPES = "scopes";
        public static final String REVOKED = "revoked";
        public static final String REVOKED_AT = "revoked_at";
        /** Refund ceilings in minor units per currency: maps {@code {"SGD": 50000}}. */
        public static final String REFUND_PER_CALL = "refund_per_call";
        public static final String REFUND_PER_DAY = "refund_per_day";
        public static final String CALLS_PER_MINUTE = "calls_per_minute";
        public static final String EMAILS_PER_MINUTE = "emails_per_minute";

        private Tokens() {
        }
    }

    /** What one token refunded on one day in one currency ({@code TOKEN_USE#<token id>} / {@code REFUND#<day>#<currency>}). */
    public static final class TokenRefundTotals {
        public static final String PK_PREFIX = "TOKEN_USE#";
        public static final String SK_PREFIX = "REFUND#";
        public static final String AMOUNT = "refunded";

        private TokenRefundTotals() {
        }
    }

    /**
     * A tenant's analytics of one UTC day (the day its payments were STARTED: a cohort) and one product
     * ({@code STATS#<tenant>} / {@code DAY#<yyyy-mm-dd>#<product key>}). Only top-level numbers, changed with
     * {@code ADD} by the analytics rollup (DynamoDB's ADD works on top-level attributes only). The outcome counts
     * ({@link #PENDING} … {@link #PAID_AFTER_CLOSE}) are mutually exclusive and sum to {@link #STARTED}.
     */
    public static final class Stats {
        public static final String ENTITY_VALUE = "payment_stats";
        /** The day's date ({@code yyyy-mm-dd}) and the plain product name (absent: payments without one). */
        public static final String DAY = "day";
        public static final String PRODUCT_NAME = "product_name";
        /** Product key of payments without a product name; {@code ~} never appears in a URL-encoded name. */
        public static final String NO_PRODUCT_KEY = "~";

        public static final String STARTED = "started";
        /** {@code started_buy_now} (checkout), {@code started_pay_later} (payment_link). */
        public static final String STARTED_PREFIX = "started_";
        public static final String PENDING = "pending";
        /** Paid and kept: completed, partially refunded, refunded or disputed after completion. */
        public static final String COMPLETED = "completed";
        /** {@code completed_buy_now}, {@code completed_pay_later}. */
        public static final String COMPLETED_PREFIX = "completed_";
        /** Still open, its last attempt declined. */
        public static final String FAILED = "failed";
        public static final String EXPIRED = "expired";
        public static final String CANCELLED = "cancelled";
        /** Money that arrived after we closed the payment (given back; whatever happened to it since). */
        public static final String PAID_AFTER_CLOSE = "paid_after_close";
        /** Minor units per currency of completed payments: {@code gross_SGD}, {@code refunded_SGD}. */
        public static final String GROSS_PREFIX = "gross_";
        public static final String REFUNDED_PREFIX = "refunded_";
        /** Completed payments with a refund, with a dispute. */
        public static final String REFUNDS = "refunds";
        public static final String DISPUTES = "disputes";
        /** Time from start to payment of completed payments: {@code ttp_<bucket>} (see {@code TimeToPayBucket}). */
        public static final String TIME_TO_PAY_PREFIX = "ttp_";
        /** Payments that ended unpaid after a decline, by their last failure reason: {@code fail_<sanitised reason>}. */
        public static final String FAILURE_PREFIX = "fail_";
        public static final String BUY_NOW = "buy_now";
        public static final String PAY_LATER = "pay_later";

        private Stats() {
        }
    }

    /**
     * What the analytics rollup last counted for one payment ({@code PAY#<id>} / {@code STATS_COUNTED}): its own item
     * under the payment's partition, not an attribute of the payment, so the payment item (rewritten whole by every
     * transition, billed per started KB) stays small. Written only by the rollup, in the transaction that removes the
     * payment's {@code stats_due}. Its attribute names are no payment index key: it is in no index.
     */
    public static final class StatsCounted {
        public static final String SK = "STATS_COUNTED";
        public static final String ENTITY_VALUE = "payment_stats_counted";
        /** The {@link Stats} figures counted (map: name → number). */
        public static final String FIGURES = "figures";
        /** The sort key of the day item the figures were counted in. */
        public static final String DAY_SK = "day_sk";
        /**
         * The payment's {@code version} when this item was written: identifies it (one write per version at most, as
         * the marker is only set again with a new version), so the rollup's Put is conditioned on the item it read.
         */
        public static final String WRITTEN_AT_VERSION = "written_at_version";

        private StatsCounted() {
        }
    }

    public static String statsPk(String tenant) {
        return STATS_PK_PREFIX + tenant;
    }

    /** name → (hash key, range key or null). */
    static final Map<String, String[]> INDEXES = Map.ofEntries(
            Map.entry(USER_INDEX, new String[] {USER_ID, CREATED_AT}),
            Map.entry(QUOTE_INDEX, new String[] {QUOTE_ID, CREATED_AT}),
            Map.entry(SESSION_INDEX, new String[] {STRIPE_SESSION_ID, null}),
            Map.entry(PAYMENT_INTENT_INDEX, new String[] {STRIPE_PAYMENT_INTENT, null}),
            Map.entry(PAYMENT_LINK_INDEX, new String[] {PAYMENT_LINK_ID, CREATED_AT}),
            Map.entry(OPEN_PAYMENTS_INDEX, new String[] {OPEN_BUCKET, EXPIRES_AT}),
            Map.entry(TOKENS_INDEX, new String[] {TOKEN_BUCKET, CREATED_AT}),
            Map.entry(TENANT_DAY_INDEX, new String[] {TENANT_DAY, CREATED_AT}),
            Map.entry(DELIVERIES_INDEX, new String[] {DELIVERY_DAY, DeliveryRecords.RECEIVED_AT}),
            Map.entry(STATS_DUE_INDEX, new String[] {STATS_DUE_ATTRIBUTE, CREATED_AT}));

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
                    .projection(Projection.builder().projectionType(projectionOf(e.getKey())).build()).build());
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
            ProjectionType projection = gsi.projection() == null ? null : gsi.projection().projectionType();
            if (projection != projectionOf(name)) {
                problems.add("GSI " + name + " must project " + projectionOf(name) + ", projects " + projection);
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

    /**
     * Payment indexes hold keys only: a status change or a history entry then writes no index, which is most of a
     * webhook's bill; readers fetch the items they find (BatchGetItem). Token items change rarely and delivery records
     * never (written once, small): all attributes, so listing them needs no second read.
     */
    static ProjectionType projectionOf(String index) {
        return TOKENS_INDEX.equals(index) || DELIVERIES_INDEX.equals(index) ? ProjectionType.ALL : ProjectionType.KEYS_ONLY;
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
