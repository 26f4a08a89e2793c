package com.insurepay.checkout.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.store.Attr;
import com.insurepay.common.store.PaymentItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes to a payment that are not status changes (those go through {@code PaymentRepository.transition}).
 * Each bumps {@code version}, so a concurrent transition conditioned on the old version retries.
 */
@ApplicationScoped
public class PaymentAttributeWriter {

    @Inject
    DynamoDbClient client;

    @Inject
    Clock clock;

    @ConfigProperty(name = "payments.table", defaultValue = DEFAULT_NAME)
    String table;

    /**
     * Records the Payment Link sold for a payment-link payment (and its URL as the checkout URL). Idempotent for the
     * same link; refuses another one.
     */
    public void attachPaymentLink(String paymentId, String paymentLinkId, String url) {
        try {
            client.updateItem(b -> b.tableName(table).key(PaymentItems.key(paymentId))
                    .updateExpression("SET #l = :l, #u = :u, #v = #v + :one, #t = :now")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#l) OR #l = :l)")
                    .expressionAttributeNames(Map.of("#l", PAYMENT_LINK_ID, "#u", "checkout_url", "#v", "version",
                            "#t", "updated_at", "#pk", PK))
                    .expressionAttributeValues(Map.of(":l", Attr.s(paymentLinkId), ":u", Attr.s(url), ":one", Attr.n(1),
                            ":now", Attr.time(clock.instant()))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("payment " + paymentId + " is missing or already has another Payment Link");
        }
    }

    /** The address the customer asked us to use (confirmation e-mails go there). */
    public void updateCustomerEmail(String paymentId, String email) {
        client.updateItem(b -> b.tableName(table).key(PaymentItems.key(paymentId))
                .updateExpression("SET #e = :e, #v = #v + :one, #t = :now")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#e", "customer_email", "#v", "version", "#t", "updated_at", "#pk", PK))
                .expressionAttributeValues(Map.of(":e", Attr.s(email), ":one", Attr.n(1), ":now", Attr.time(clock.instant()))));
    }
}
