package com.insurepay.common.store;

import com.insurepay.testsupport.DynamoDbLocalServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The repository contract against the real DynamoDB Local, in-process. */
class PaymentRepositoryDynamoDbLocalTest extends PaymentRepositoryContract {

    private static final DynamoDbClient CLIENT = DynamoDbLocalServer.shared().newClient();

    @Override
    protected DynamoDbClient client() {
        return CLIENT;
    }
}
