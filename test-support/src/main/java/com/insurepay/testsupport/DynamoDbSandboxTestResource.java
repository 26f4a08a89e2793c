package com.insurepay.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the JVM's shared in-process dynamodb-sandbox:
 * {@code @QuarkusTestResource(DynamoDbSandboxTestResource.class)}. Modules must also set
 * {@code quarkus.dynamodb.devservices.enabled=false} (build time; Dev Services need Docker).
 */
public class DynamoDbSandboxTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        DynamoDbSandboxServer server = DynamoDbSandboxServer.shared();
        return Map.of(
                "quarkus.dynamodb.endpoint-override", server.endpoint(),
                "quarkus.dynamodb.aws.region", DynamoDbSandboxServer.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", DynamoDbSandboxServer.ACCESS_KEY,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", DynamoDbSandboxServer.SECRET_KEY,
                "payments.table.ensure-on-start", "true");
    }

    @Override
    public void stop() {
        // The server is shared by every test class of the JVM; a shutdown hook stops it.
    }
}
