package com.insurepay.checkout.support;

import com.insurepay.testsupport.DynamoDbSandboxServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** DynamoDB at a port where nothing listens: every storage call fails as when the database is down. */
public class UnreachableDynamoDbResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + DynamoDbSandboxServer.freePort(),
                "quarkus.dynamodb.aws.region", DynamoDbSandboxServer.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local",
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local",
                "payments.table.ensure-on-start", "false");
    }

    @Override
    public void stop() {
    }
}
