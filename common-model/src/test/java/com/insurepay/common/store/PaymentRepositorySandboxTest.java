package com.insurepay.common.store;

import com.insurepay.testsupport.DynamoDbSandboxServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The repository contract against dynamodb-sandbox, in-process, through the real AWS SDK. */
class PaymentRepositorySandboxTest extends PaymentRepositoryContract {

    private static final DynamoDbClient CLIENT = DynamoDbSandboxServer.shared().newClient();

    @Override
    protected DynamoDbClient client() {
        return CLIENT;
    }
}
