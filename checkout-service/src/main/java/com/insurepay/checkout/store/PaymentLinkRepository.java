package com.insurepay.checkout.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.store.Attr;
import com.insurepay.common.table.PaymentTable.SavedLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per tenant's saved quote: key {@code QUOTE#<tenant>#<quote_id> / PAYLINK} (get by key, consistent read). Its attributes
 * deliberately avoid the names {@code user_id}, {@code quote_id}, {@code payment_link_id} and {@code expires_at},
 * so the item never appears in the payment GSIs. Every replace is conditioned on the version read.
 */
@ApplicationScoped
public class PaymentLinkRepository {

    @Inject
    DynamoDbClient client;

    @ConfigProperty(name = "payments.table", defaultValue = DEFAULT_NAME)
    String table;

    public Optional<PaymentLinkRecord> find(String tenant, String quoteId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key(tenant, quoteId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * Writes the record if nobody changed it since it was read ({@code record.version()} is the version read, or -1
     * for a new item). The stored version becomes {@code record.version() + 1}.
     *
     * @return false when another writer got there first
     */
    public boolean save(PaymentLinkRecord record) {
        Map<String, AttributeValue> item = toItem(record);
        item.put("version", Attr.n(record.version() + 1));
        try {
            if (record.version() < 0) {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK)));
            } else {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v", Attr.n(record.version()))));
            }
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    static Map<String, AttributeValue> key(String tenant, String quoteId) {
        return Map.of(PK, Attr.s(quotePk(tenant, quoteId)), SK, Attr.s(PAYMENT_LINK_SK));
    }

    static Map<String, AttributeValue> toItem(PaymentLinkRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.tenant(), r.quoteId()));
        item.put(ENTITY, Attr.s("payment_link"));
        item.put("link_tenant", Attr.s(r.tenant()));
        item.put("link_quote_id", Attr.s(r.quoteId()));
        item.put("link_user_id", Attr.s(r.userId()));
        Attr.putIfPresent(item, "customer_email", r.customerEmail());
        item.put("product_name", Attr.s(r.productName()));
        item.put("amount", Attr.n(r.amount()));
        item.put("currency", Attr.s(r.currency()));
        Attr.putIfPresent(item, "insured_policy_id", r.policyId());
        Attr.putIfPresent(item, "notes", r.notes());
        item.put(SavedLinks.PAYMENT_ID, Attr.s(r.paymentId()));
        Attr.putIfPresent(item, "stripe_payment_link_id", r.stripePaymentLinkId());
        Attr.putIfPresent(item, "payment_link_url", r.url());
        Attr.putIfPresent(item, "stripe_price_id", r.priceId());
        Attr.putIfPresent(item, "link_expires_at", r.expiresAt());
        item.put("active", Attr.bool(r.active()));
        Attr.putIfPresent(item, SavedLinks.SENT_AT, r.sentAt());
        Attr.putIfPresent(item, SavedLinks.SENT_TO, r.sentTo());
        item.put("link_created_at", Attr.time(r.createdAt()));
        return item;
    }

    static PaymentLinkRecord fromItem(Map<String, AttributeValue> item) {
        return new PaymentLinkRecord(
                Attr.str(item, "link_tenant"),
                Attr.str(item, "link_quote_id"),
                Attr.str(item, "link_user_id"),
                Attr.str(item, "customer_email"),
                Attr.str(item, "product_name"),
                Attr.num(item, "amount", 0),
                Attr.str(item, "currency"),
                Attr.str(item, "insured_policy_id"),
                Attr.str(item, "notes"),
                Attr.str(item, SavedLinks.PAYMENT_ID),
                Attr.str(item, "stripe_payment_link_id"),
                Attr.str(item, "payment_link_url"),
                Attr.str(item, "stripe_price_id"),
                Attr.instant(item, "link_expires_at"),
                Attr.bool(item, "active"),
                Attr.instant(item, SavedLinks.SENT_AT),
                Attr.str(item, SavedLinks.SENT_TO),
                Attr.instant(item, "link_created_at"),
                Attr.num(item, "version", 0));
    }
}
