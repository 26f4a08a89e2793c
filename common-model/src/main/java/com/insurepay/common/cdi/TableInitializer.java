package com.insurepay.common.cdi;

import com.insurepay.common.table.PaymentTable;
import com.insurepay.common.table.TableName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Ensures the table at start-up when {@code payments.table.ensure-on-start} is true (the default for local runs
 * and tests). In production the table is created once by the deployment (k8s table-init Job or infrastructure
 * code) and the services only need read/write rights, so the prod profiles switch this off.
 */
@ApplicationScoped
public class TableInitializer {

    private static final Logger LOG = Logger.getLogger(TableInitializer.class);

    // Startup (CDI 4), not @Initialized(ApplicationScoped): the latter fires during STATIC_INIT, before the
    // DynamoDB client (a RUNTIME_INIT synthetic bean) exists, and the application fails to start.
    void onStart(@Observes Startup ignored, DynamoDbClient client,
            TableName table,
            @ConfigProperty(name = "payments.table.ensure-on-start", defaultValue = "true") boolean ensure) {
        if (ensure) {
            boolean created = PaymentTable.ensure(client, table.value());
            LOG.infof("DynamoDB table %s %s", table.value(), created ? "created" : "verified");
        }
    }
}
