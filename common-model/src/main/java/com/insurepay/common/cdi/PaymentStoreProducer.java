package com.insurepay.common.cdi;

import com.insurepay.common.policy.PolicyRepository;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.store.ProcessedEventStore;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes the table's repositories injectable in every service that has the Quarkus DynamoDB extension.
 * Table name: {@code payments.table} (env {@code PAYMENTS_TABLE}). Each bean is a default bean, so a test may
 * replace it (a fixed {@link Clock}, for instance).
 */
@ApplicationScoped
public class PaymentStoreProducer {

    @ConfigProperty(name = "payments.table", defaultValue = "payments")
    String table;

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PaymentRepository paymentRepository(DynamoDbClient client, Clock clock) {
        return new PaymentRepository(client, table, clock);
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    ProcessedEventStore processedEventStore(DynamoDbClient client) {
        return new ProcessedEventStore(client, table);
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PolicyRepository policyRepository(DynamoDbClient client, Clock clock) {
        return new PolicyRepository(client, table, clock);
    }
}
