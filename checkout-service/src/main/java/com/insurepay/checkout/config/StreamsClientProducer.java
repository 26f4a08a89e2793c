package com.insurepay.checkout.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams client, configured exactly like the Quarkus DynamoDB client (same region, credentials and,
 * locally, endpoint): the Quarkus extension has no streams client of its own.
 */
@ApplicationScoped
public class StreamsClientProducer {

    @Produces
    @ApplicationScoped
    DynamoDbStreamsClient streams(DynamoDbClient dynamo) {
        DynamoDbServiceClientConfiguration config = dynamo.serviceClientConfiguration();
        var builder = DynamoDbStreamsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(config.region())
                .credentialsProvider(config.credentialsProvider());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes DynamoDbStreamsClient client) {
        client.close();
    }
}
