package com.insurepay.checkout.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Not ready without the payment table: every purchase writes there first. */
@Readiness
@ApplicationScoped
public class DynamoDbReadiness implements HealthCheck {

    @Inject
    DynamoDbClient client;

    @ConfigProperty(name = "payments.table", defaultValue = "payments")
    String table;

    @Override
    public HealthCheckResponse call() {
        try {
            String status = client.describeTable(b -> b.tableName(table)).table().tableStatusAsString();
            return HealthCheckResponse.named("dynamodb").status("ACTIVE".equals(status)).withData("table", table).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("dynamodb").down().withData("table", table).build();
        }
    }
}
