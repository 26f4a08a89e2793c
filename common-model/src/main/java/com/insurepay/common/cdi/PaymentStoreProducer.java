package com.insurepay.common.cdi;

import com.insurepay.common.analytics.AnalyticsQueries;
import com.insurepay.common.analytics.AnalyticsRollup;
import com.insurepay.common.metrics.MeteredPaymentRepository;
import com.insurepay.common.metrics.PaymentMetrics;
import com.insurepay.common.policy.PolicyRepository;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.PaymentEmails;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.table.TableName;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes the table's repositories injectable in every service that has the Quarkus DynamoDB extension. The table
 * name is read here once ({@code payments.table}, env {@code PAYMENTS_TABLE}) and injected as {@link TableName}
 * wherever a service keeps items of its own in the table. Each bean is a default bean, so a test may replace it
 * (a fixed {@link Clock}, for instance).
 */
@ApplicationScoped
public class PaymentStoreProducer {

    @Produces
    @Singleton // a record cannot be proxied for a normal scope
    TableName tableName(@ConfigProperty(name = "payments.table", defaultValue = TableName.DEFAULT) String table) {
        return new TableName(table);
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PaymentRepository paymentRepository(DynamoDbClient client, TableName table, Clock clock, PaymentMetrics metrics) {
        // Creations and applied transitions are counted where they are written (see PaymentMetrics).
        return new MeteredPaymentRepository(client, table.value(), clock, metrics);
    }

    /** The business counters, on the service's Micrometer registry (a detached one where the service has none). */
    @Produces
    @Singleton
    @DefaultBean
    PaymentMetrics paymentMetrics(Instance<MeterRegistry> registry) {
        return new PaymentMetrics(registry.isResolvable() ? registry.get() : new SimpleMeterRegistry());
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PaymentEmails paymentEmails(DynamoDbClient client, TableName table) {
        return new PaymentEmails(client, table.value());
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PaymentQueries paymentQueries(DynamoDbClient client, TableName table) {
        return new PaymentQueries(client, table.value());
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    AnalyticsQueries analyticsQueries(DynamoDbClient client, TableName table, Clock clock) {
        return new AnalyticsQueries(client, table.value(), clock);
    }

    /** Used by the service that schedules it (checkout-service); its meters appear where it is created. */
    @Produces
    @ApplicationScoped
    @DefaultBean
    AnalyticsRollup analyticsRollup(DynamoDbClient client, TableName table, Clock clock, Instance<MeterRegistry> registry,
            @ConfigProperty(name = "payments.analytics.rollup-max-per-sweep", defaultValue = "1000") int maxPerSweep) {
        return new AnalyticsRollup(client, table.value(), clock, registry.isResolvable() ? registry.get() : new SimpleMeterRegistry(),
                maxPerSweep);
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    DeliveryLog deliveryLog(DynamoDbClient client, TableName table) {
        return new DeliveryLog(client, table.value());
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PolicyRepository policyRepository(DynamoDbClient client, TableName table, Clock clock) {
        return new PolicyRepository(client, table.value(), clock);
    }
}
