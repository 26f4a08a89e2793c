package com.insurepay.checkout.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.store.Attr;
import com.insurepay.common.store.Expr;
import com.insurepay.common.table.PaymentTable.QuoteLeases;
import com.insurepay.common.table.TableName;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A lease per tenant's quote ({@code QUOTE#<tenant>#<quote_id> / CHECKOUT_LEASE}) held while a way to pay the quote is being made
 * (a checkout or a payment link), so two requests for one quote never make two payable objects. It expires by itself
 * (a crashed holder blocks nobody for long), its holder renews it before every Stripe call, and a TTL removes it.
 */
@ApplicationScoped
public class QuoteLeaseRepository {

    private final DynamoDbClient client;
    private final Clock clock;
    private final String table;

    public QuoteLeaseRepository(DynamoDbClient client, Clock clock, TableName table) {
        this.client = client;
        this.clock = clock;
        this.table = table.value();
    }

    /** @return true if {@code holder} now holds the quote's lease for {@code duration} (taken, or renewed) */
    public boolean acquire(String tenant, String quoteId, String holder, Duration duration) {
        return write(tenant, quoteId, holder, duration, false);
    }

    /** @return true if {@code holder} still held the lease and now holds it for {@code duration} from now */
    public boolean renew(String tenant, String quoteId, String holder, Duration duration) {
        return write(tenant, quoteId, holder, duration, true);
    }

    public void release(String tenant, String quoteId, String holder) {
        Expr e = new Expr();
        try {
            client.deleteItem(b -> b.tableName(table).key(key(tenant, quoteId))
                    .conditionExpression(e.name(QuoteLeases.HOLDER) + " = " + e.value(holder))
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException notOurs) {
            // Expired and taken over by someone else: theirs now.
        }
    }

    private boolean write(String tenant, String quoteId, String holder, Duration duration, boolean mustHold) {
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, quoteId));
        item.put(ENTITY, Attr.s(QuoteLeases.ENTITY_VALUE));
        item.put(QuoteLeases.HOLDER, Attr.s(holder));
        item.put(QuoteLeases.LEASE_UNTIL, Attr.n(until.toEpochMilli()));
        item.put(TTL_ATTRIBUTE, Attr.n(until.getEpochSecond() + 3600));
        Expr e = new Expr();
        String mine = e.name(QuoteLeases.HOLDER) + " = " + e.value(holder);
        String condition = mustHold ? mine
                : "attribute_not_exists(" + e.name(PK) + ") OR " + mine + " OR "
                        + e.name(QuoteLeases.LEASE_UNTIL) + " < " + e.value(now.toEpochMilli());
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String tenant, String quoteId) {
        return Map.of(PK, Attr.s(quotePk(tenant, quoteId)), SK, Attr.s(QUOTE_LEASE_SK));
    }
}
