package com.insurepay.webhook.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Not ready without the payments table: a delivery we cannot store must not be acknowledged, so there is no
 * point in receiving traffic (Stripe retries what it could not deliver).
 */
@Readiness
@ApplicationScoped
public class PaymentsTableReadiness implements HealthCheck {

    @Inject
    DynamoDbClient client;

    @ConfigProperty(name = "payments.table", defaultValue = "payments")
    String table;

    @Override
    public HealthCheckResponse call() {
        try {
            String status = client.describeTable(b -> b.tableName(table)).table().tableStatusAsString();
            return HealthCheckResponse.named("payments-table").status("ACTIVE".equals(status)).withData("table", table).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("payments-table").down().withData("table", table).build();
        }
    }
}
