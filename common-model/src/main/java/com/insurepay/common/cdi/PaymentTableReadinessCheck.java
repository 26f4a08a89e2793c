package com.insurepay.common.cdi;

import com.insurepay.common.table.PaymentTable;
import com.insurepay.common.table.TableName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every service that uses the table is not ready without it: checkout writes a payment before anything else, and
 * webhook-service must not acknowledge a delivery it cannot store. The probe is a GetItem of a key that never
 * exists, which needs only the read rights every service has (no DescribeTable permission in production).
 */
@Readiness
@ApplicationScoped
public class PaymentTableReadinessCheck implements HealthCheck {

    private static final Map<String, AttributeValue> PROBE_KEY = Map.of(
            PaymentTable.PK, AttributeValue.fromS("HEALTH#probe"), PaymentTable.SK, AttributeValue.fromS("PROBE"));

    private final DynamoDbClient client;
    private final String table;

    public PaymentTableReadinessCheck(DynamoDbClient client, TableName table) {
        this.client = client;
        this.table = table.value();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            client.getItem(b -> b.tableName(table).key(PROBE_KEY));
            return HealthCheckResponse.named("payments-table").up().withData("table", table).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("payments-table").down().withData("table", table)
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
