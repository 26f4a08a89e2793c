package com.insurepay.common.table;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * {@code java -cp ... com.insurepay.common.table.EnsureTableCommand [endpoint] [table]}: creates or verifies the
 * table. Used by ./stack and by the table-init job. With an endpoint (dynamodb-sandbox) it uses dummy credentials;
 * without one, the default AWS credential chain and region.
 */
public final class EnsureTableCommand {

    private EnsureTableCommand() {
    }

    public static void main(String[] args) {
        String endpoint = args.length > 0 && !args[0].isBlank() ? args[0] : System.getenv("DYNAMODB_ENDPOINT");
        String table = args.length > 1 ? args[1] : System.getenv().getOrDefault("PAYMENTS_TABLE", PaymentTable.DEFAULT_NAME);
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        try (DynamoDbClient client = builder.build()) {
            boolean created = PaymentTable.ensure(client, table);
            System.out.println("table " + table + (created ? " created" : " verified") + (endpoint == null ? "" : " at " + endpoint));
        }
    }
}
