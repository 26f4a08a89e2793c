package com.insurepay.gateway.config;

import com.insurepay.common.table.PaymentTable;
import com.insurepay.gateway.auth.McpTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The token repository on the shared table ({@code payments.table}, env PAYMENTS_TABLE). */
@ApplicationScoped
public class TokenStoreProducer {

    @ConfigProperty(name = "payments.table", defaultValue = PaymentTable.DEFAULT_NAME)
    String table;

    @Produces
    @ApplicationScoped
    McpTokenRepository mcpTokenRepository(DynamoDbClient client, Clock clock) {
        return new McpTokenRepository(client, table, clock);
    }
}
