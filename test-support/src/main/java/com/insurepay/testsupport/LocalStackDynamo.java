package com.insurepay.testsupport;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * LocalStack's DynamoDB through Testcontainers, for the same repository tests where a Docker engine exists.
 * {@link #dockerAvailable()} lets tests skip with a reason where it does not.
 */
public final class LocalStackDynamo implements AutoCloseable {

    public static final String IMAGE = "localstack/localstack:4.4";

    private final LocalStackContainer container;

    public LocalStackDynamo() {
        container = new LocalStackContainer(DockerImageName.parse(IMAGE)).withServices(LocalStackContainer.Service.DYNAMODB);
        container.start();
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(container.getEndpoint().toString()))
                .region(Region.of(container.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        container.stop();
    }
}
