package com.insurepay.gateway.config;

import com.insurepay.common.table.TableName;
import com.insurepay.gateway.auth.McpTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The token repository on the shared table (its name from common-model's one {@link TableName} bean). */
@ApplicationScoped
public class TokenStoreProducer {

    @Produces
    @ApplicationScoped
    McpTokenRepository mcpTokenRepository(DynamoDbClient client, Clock clock, TableName table) {
        return new McpTokenRepository(client, table.value(), clock);
    }
}
