package com.insurepay.dynamodb.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** One in-memory sandbox per test JVM and helpers to talk to it through the real AWS SDK. */
final class Sandboxes {

    private static DynamoDbSandbox shared;
    private static DynamoDbClient client;

    private Sandboxes() {
    }

    static synchronized DynamoDbSandbox shared() {
        if (shared == null) {
            shared = DynamoDbSandbox.builder().port(0).build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    static synchronized DynamoDbClient client() {
        if (client == null) {
            client = clientFor(shared().endpoint());
        }
        return client;
    }

    static DynamoDbClient clientFor(String endpoint) {
        // Another region and other keys than anyone else uses: the sandbox ignores both.
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A table keyed (pk S, sk S), on demand, with extra definitions for index keys (name, type pairs). */
    static CreateTableRequest.Builder table(String name, boolean withSortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> defs = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
        defs.add(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build());
        if (withSortKey) {
            keys.add(KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
            defs.add(AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build());
        }
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).keySchema(keys)
                .attributeDefinitions(defs);
    }

    static String createTable(String prefix, boolean withSortKey) {
        String name = uniqueName(prefix);
        client().createTable(table(name, withSortKey).build());
        return name;
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    /** An item from name/value pairs. */
    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            m.put((String) pairs[i], v instanceof AttributeValue a ? a : v instanceof Number num ? n(num.toString()) : s(v.toString()));
        }
        return m;
    }

    static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
