package com.insurepay.pages.health;

import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.table.PaymentTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ready when the payments table answers a read. A GetItem of a key that never exists needs only the read rights
 * pages-service already has (no DescribeTable permission in prod).
 */
@Readiness
@ApplicationScoped
public class PaymentTableReadinessCheck implements HealthCheck {

    private static final Map<String, AttributeValue> PROBE_KEY = Map.of(
            PaymentTable.PK, AttributeValue.fromS("HEALTH#pages-service"), PaymentTable.SK, AttributeValue.fromS("PROBE"));

    private final DynamoDbClient client;
    private final PaymentRepository payments;

    public PaymentTableReadinessCheck(DynamoDbClient client, PaymentRepository payments) {
        this.client = client;
        this.payments = payments;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            client.getItem(b -> b.tableName(payments.table()).key(PROBE_KEY));
            return HealthCheckResponse.named("payments-table").up().withData("table", payments.table()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("payments-table").down().withData("table", payments.table())
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
