package com.insurepay.checkout.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.store.Attr;
import com.insurepay.common.store.Expr;
import com.insurepay.common.table.PaymentTable.PaymentLinks;
import com.insurepay.common.table.TableName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    private final DynamoDbClient client;
    private final String table;

    public PaymentLinkRepository(DynamoDbClient client, TableName table) {
        this.client = client;
        this.table = table.value();
    }

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
        item.put(PaymentLinks.VERSION, Attr.n(record.version() + 1));
        Expr e = new Expr();
        String condition = record.version() < 0 ? "attribute_not_exists(" + e.name(PK) + ")"
                : e.name(PaymentLinks.VERSION) + " = " + e.value(record.version());
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
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
        item.put(ENTITY, Attr.s(PaymentLinks.ENTITY_VALUE));
        item.put(PaymentLinks.TENANT, Attr.s(r.tenant()));
        item.put(PaymentLinks.QUOTE_ID, Attr.s(r.quoteId()));
        item.put(PaymentLinks.USER_ID, Attr.s(r.userId()));
        Attr.putIfPresent(item, PaymentLinks.CUSTOMER_EMAIL, r.customerEmail());
        item.put(PaymentLinks.PRODUCT_NAME, Attr.s(r.productName()));
        item.put(PaymentLinks.AMOUNT, Attr.n(r.amount()));
        item.put(PaymentLinks.CURRENCY, Attr.s(r.currency()));
        Attr.putIfPresent(item, PaymentLinks.POLICY_ID, r.policyId());
        Attr.putIfPresent(item, PaymentLinks.NOTES, r.notes());
        item.put(PaymentLinks.PAYMENT_ID, Attr.s(r.paymentId()));
        Attr.putIfPresent(item, PaymentLinks.STRIPE_PAYMENT_LINK_ID, r.stripePaymentLinkId());
        Attr.putIfPresent(item, PaymentLinks.URL, r.url());
        Attr.putIfPresent(item, PaymentLinks.STRIPE_PRICE_ID, r.priceId());
        Attr.putIfPresent(item, PaymentLinks.EXPIRES_AT, r.expiresAt());
        item.put(PaymentLinks.ACTIVE, Attr.bool(r.active()));
        Attr.putIfPresent(item, PaymentLinks.SENT_AT, r.sentAt());
        Attr.putIfPresent(item, PaymentLinks.SENT_TO, r.sentTo());
        item.put(PaymentLinks.CREATED_AT, Attr.time(r.createdAt()));
        return item;
    }

    static PaymentLinkRecord fromItem(Map<String, AttributeValue> item) {
        return new PaymentLinkRecord(
                Attr.str(item, PaymentLinks.TENANT),
                Attr.str(item, PaymentLinks.QUOTE_ID),
                Attr.str(item, PaymentLinks.USER_ID),
                Attr.str(item, PaymentLinks.CUSTOMER_EMAIL),
                Attr.str(item, PaymentLinks.PRODUCT_NAME),
                Attr.num(item, PaymentLinks.AMOUNT, 0),
                Attr.str(item, PaymentLinks.CURRENCY),
                Attr.str(item, PaymentLinks.POLICY_ID),
                Attr.str(item, PaymentLinks.NOTES),
                Attr.str(item, PaymentLinks.PAYMENT_ID),
                Attr.str(item, PaymentLinks.STRIPE_PAYMENT_LINK_ID),
                Attr.str(item, PaymentLinks.URL),
                Attr.str(item, PaymentLinks.STRIPE_PRICE_ID),
                Attr.instant(item, PaymentLinks.EXPIRES_AT),
                Attr.bool(item, PaymentLinks.ACTIVE),
                Attr.instant(item, PaymentLinks.SENT_AT),
                Attr.str(item, PaymentLinks.SENT_TO),
                Attr.instant(item, PaymentLinks.CREATED_AT),
                Attr.num(item, PaymentLinks.VERSION, 0));
    }
}
