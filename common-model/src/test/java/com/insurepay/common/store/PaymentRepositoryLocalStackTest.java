package com.insurepay.common.store;

import com.insurepay.testsupport.LocalStackDynamo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same contract against LocalStack's DynamoDB, where a Docker engine exists. Without one, every test here is
 * reported as skipped with the reason, never failed and never passed.
 */
@EnabledIf(value = "com.insurepay.testsupport.LocalStackDynamo#dockerAvailable",
        disabledReason = "No Docker engine on this machine: LocalStack tests skipped (dynamodb-sandbox runs the same contract)")
class PaymentRepositoryLocalStackTest extends PaymentRepositoryContract {

    private static LocalStackDynamo localStack;
    private static DynamoDbClient client;

    @BeforeAll
    static void startLocalStack() {
        localStack = new LocalStackDynamo();
        client = localStack.newClient();
    }

    @AfterAll
    static void stopLocalStack() {
        if (localStack != null) {
            localStack.close();
        }
    }

    @Override
    protected DynamoDbClient client() {
        return client;
    }
}
