package com.insurepay.checkout.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.store.Attr;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A short lease per quote ({@code QUOTE#<quote_id> / CHECKOUT_LEASE}) held while a checkout is being created, so two
 * simultaneous initiates of one quote make one Checkout Session, not two. The lease expires by itself (a crashed
 * holder blocks nobody for long) and carries a TTL so DynamoDB removes it.
 */
@ApplicationScoped
public class QuoteLock {

    private static final String LEASE_SK = "CHECKOUT_LEASE";

    @Inject
    DynamoDbClient client;

    @Inject
    Clock clock;

    @ConfigProperty(name = "payments.table", defaultValue = DEFAULT_NAME)
    String table;

    /** @return true if this caller now holds the quote's lease for {@code duration} */
    public boolean tryAcquire(String quoteId, String holder, Duration duration) {
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        try {
            client.putItem(b -> b.tableName(table)
                    .item(Map.of(PK, Attr.s(QUOTE_PK_PREFIX + quoteId), SK, Attr.s(LEASE_SK), ENTITY, Attr.s("checkout_lease"),
                            "holder", Attr.s(holder), "lease_until", Attr.n(until.toEpochMilli()),
                            TTL_ATTRIBUTE, Attr.n(until.getEpochSecond() + 3600)))
                    .conditionExpression("attribute_not_exists(#pk) OR #until < :now")
                    .expressionAttributeNames(Map.of("#pk", PK, "#until", "lease_until"))
                    .expressionAttributeValues(Map.of(":now", Attr.n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    public void release(String quoteId, String holder) {
        try {
            client.deleteItem(b -> b.tableName(table)
                    .key(Map.of(PK, Attr.s(QUOTE_PK_PREFIX + quoteId), SK, Attr.s(LEASE_SK)))
                    .conditionExpression("#h = :h")
                    .expressionAttributeNames(Map.of("#h", "holder"))
                    .expressionAttributeValues(Map.of(":h", Attr.s(holder))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Expired and taken over by someone else: theirs now.
        }
    }
}
