package com.insurepay.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the JVM's shared in-process DynamoDB Local:
 * {@code @QuarkusTestResource(DynamoDbLocalTestResource.class)}. Modules must also set
 * {@code quarkus.dynamodb.devservices.enabled=false} (build time; Dev Services need Docker).
 */
public class DynamoDbLocalTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        DynamoDbLocalServer server = DynamoDbLocalServer.shared();
        return Map.of(
                "quarkus.dynamodb.endpoint-override", server.endpoint(),
                "quarkus.dynamodb.aws.region", DynamoDbLocalServer.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", DynamoDbLocalServer.ACCESS_KEY,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", DynamoDbLocalServer.SECRET_KEY,
                "payments.table.ensure-on-start", "true");
    }

    @Override
    public void stop() {
        // The server is shared by every test class of the JVM; a shutdown hook stops it.
    }
}
