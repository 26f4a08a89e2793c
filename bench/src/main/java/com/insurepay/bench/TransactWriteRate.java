package com.insurepay.bench;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.Attr;
import com.insurepay.common.table.PaymentTable;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Raw TransactWriteItems throughput of a DynamoDB endpoint on the payments table with all its GSIs: each
 * transaction writes what a paid checkout writes (a payment in three GSIs, its history entry, a processed-event
 * mark), every put conditioned on {@code attribute_not_exists}. Alone:
 * {@code java -cp ... com.insurepay.bench.TransactWriteRate http://localhost:8000 [count] [threads] [table]}.
 */
final class TransactWriteRate {

    private TransactWriteRate() {
    }

    static Stats measure(DynamoDbClient client, String table, int count, int threads) throws InterruptedException {
        PaymentTable.ensure(client, table);
        Load.run("warm-up", Math.min(500, count), threads, 120, i -> client.transactWriteItems(request(table, false)));
        return Load.run("TransactWriteItems straight to dynamodb-sandbox (3 conditional puts: payment in 3 GSIs, history, event mark)",
                count, threads, 300, i -> client.transactWriteItems(request(table, false)));
    }

    /**
     * The same transactions as JSON over plain HTTP (java.net.http, no SDK marshalling or SigV4 signing, which the
     * sandbox does not check): what the server itself sustains when the client costs little CPU on the shared cores.
     */
    static Stats measureWire(String endpoint, String table, int count, int threads) throws InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        Load.Operation op = i -> {
            String id = "pay_wire_" + UUID.randomUUID().toString().replace("-", "");
            String now = Instant.now().toString();
            String condition = ",\"ConditionExpression\":\"attribute_not_exists(#pk)\",\"ExpressionAttributeNames\":{\"#pk\":\"pk\"}}}";
            String payment = "{\"Put\":{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"PAY#" + id
                    + "\"},\"sk\":{\"S\":\"PAYMENT\"},"
                    + "\"entity\":{\"S\":\"payment\"},\"user_id\":{\"S\":\"bench-user\"},\"quote_id\":{\"S\":\"bench-quote-" + id + "\"},"
                    + "\"created_at\":{\"S\":\"" + now + "\"},\"open_bucket\":{\"S\":\"OPEN\"},\"expires_at\":{\"S\":\"" + now + "\"},"
                    + "\"amount\":{\"N\":\"5000\"},\"currency\":{\"S\":\"SGD\"},\"payment_status\":{\"S\":\"pending\"},\"version\":{\"N\":\"1\"}}"
                    + condition;
            String history = "{\"Put\":{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"PAY#" + id + "\"},\"sk\":{\"S\":\"HIST#"
                    + now
                    + "#1\"},\"entity\":{\"S\":\"payment_history\"},\"to_status\":{\"S\":\"pending\"},\"at\":{\"S\":\"" + now + "\"}}"
                    + condition;
            String mark = "{\"Put\":{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"EVT#evt_" + id
                    + "\"},\"sk\":{\"S\":\"EVENT\"},"
                    + "\"entity\":{\"S\":\"stripe_event\"},\"ttl_epoch\":{\"N\":\"" + (Instant.now().getEpochSecond() + 86400) + "\"}}"
                    + condition;
            java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(URI.create(endpoint))
                    .header("X-Amz-Target", "DynamoDB_20120810.TransactWriteItems").header("Content-Type", "application/x-amz-json-1.0")
                    .POST(java.net.http.HttpRequest.BodyPublishers
                            .ofString("{\"TransactItems\":[" + payment + "," + history + "," + mark + "]}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + ": " + r.body());
            }
        };
        Load.run("warm-up", Math.min(500, count), threads, 120, op);
        return Load.run("the same TransactWriteItems as JSON over plain HTTP (java.net.http client: no SDK marshalling or signing)",
                count, threads, 300, op);
    }

    /** Capacity units one such transaction consumes (DynamoDB's rules, as the endpoint computes them). */
    static double capacityUnits(DynamoDbClient client, String table) {
        return client.transactWriteItems(request(table, true)).consumedCapacity().stream()
                .mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
    }

    private static TransactWriteItemsRequest request(String table, boolean withCapacity) {
        String id = "pay_bench_" + UUID.randomUUID().toString().replace("-", "");
        String now = Instant.now().toString();
        Map<String, AttributeValue> payment = new HashMap<>();
        payment.put(PK, Attr.s(PAYMENT_PK_PREFIX + id));
        payment.put(SK, Attr.s(PAYMENT_SK));
        payment.put(ENTITY, Attr.s(Payments.ENTITY_VALUE));
        payment.put(USER_ID, Attr.s("bench-user"));
        payment.put(QUOTE_ID, Attr.s("bench-quote-" + id));
        payment.put(CREATED_AT, Attr.s(now));
        payment.put(OPEN_BUCKET, Attr.s(OPEN));
        payment.put(EXPIRES_AT, Attr.s(now));
        payment.put(Payments.AMOUNT, Attr.n(5000));
        payment.put(Payments.CURRENCY, Attr.s("SGD"));
        payment.put(Payments.STATUS, Attr.s(PaymentStatus.PENDING.wireName()));
        payment.put(Payments.VERSION, Attr.n(1));
        // A second item under the payment's key (as a refund request is): the transaction spans items and GSIs.
        Map<String, AttributeValue> history = Map.of(PK, Attr.s(PAYMENT_PK_PREFIX + id), SK, Attr.s(REFUND_SK_PREFIX + now + "#1"),
                ENTITY, Attr.s(RefundRequests.ENTITY_VALUE), RefundRequests.AMOUNT, Attr.n(5000), RefundRequests.REQUESTED_AT, Attr.s(now));
        Map<String, AttributeValue> mark = Map.of(PK, Attr.s(EVENT_PK_PREFIX + "evt_" + id), SK, Attr.s(EVENT_SK),
                ENTITY, Attr.s(DeliveryRecords.ENTITY_VALUE), TTL_ATTRIBUTE, Attr.n(Instant.now().getEpochSecond() + 86400));
        TransactWriteItemsRequest.Builder b = TransactWriteItemsRequest.builder().transactItems(put(table, payment), put(table, history),
                put(table, mark));
        if (withCapacity) {
            b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        }
        return b.build();
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK)).build()).build();
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args.length > 0 ? args[0] : "http://localhost:8000";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String table = args.length > 3 ? args[3] : "payments_bench";
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            Stats stats = measure(client, table, count, threads);
            Stats wire = measureWire(endpoint, table, count, threads);
            System.out.println(Stats.header());
            System.out.println(stats.row());
            System.out.println(wire.row());
            System.out.printf("capacity units per transaction: %.1f%n", capacityUnits(client, table));
        }
    }
}
