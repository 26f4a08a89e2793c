package com.insurepay.gateway.access;

import static com.insurepay.common.table.PaymentTable.PK;
import static com.insurepay.common.table.PaymentTable.SK;
import static com.insurepay.common.table.PaymentTable.TTL_ATTRIBUTE;

import com.insurepay.common.money.Money;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.Expr;
import com.insurepay.common.table.PaymentTable.TokenRefundTotals;
import com.insurepay.common.table.TableName;
import com.insurepay.gateway.auth.McpToken;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * How much money one token may give back: at most its per-call ceiling in one refund, and at most its per-day
 * ceiling (UTC day) summed over its refunds, per currency. A leaked or steered token can then move only a bounded
 * amount; above it a human approves (a token with higher limits, or the operators' refund). The day's total is one
 * counter item per token, day and currency, reserved with a conditional ADD before checkout-service is called (so
 * replicas share it) and given back if the refund does not happen.
 */
@ApplicationScoped
public class RefundGuard {

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public RefundGuard(DynamoDbClient client, TableName table, Clock clock) {
        this.client = client;
        this.table = table.value();
        this.clock = clock;
    }

    /** A day's allowance taken for one refund: give it back if the refund is not made. */
    public record Reservation(McpToken token, String currency, long amount, LocalDate day) {
    }

    /** @throws ToolCallException when the amount is above the token's per-call ceiling */
    public void checkPerCall(McpToken token, Money refund) {
        long ceiling = token.limits().refundPerCall(refund.currency());
        if (refund.amount() > ceiling) {
            throw new ToolCallException("A refund of " + refund.format() + " is above what this assistant may refund in one go ("
                    + (ceiling == 0 ? "no refunds in " + refund.currency() : new Money(ceiling, refund.currency()).format())
                    + "). A human must approve it: tell the user an operator will review the refund; nothing was refunded.");
        }
    }

    /** @throws ToolCallException when today's refunds of this token would go above its per-day ceiling */
    public Reservation reserve(McpToken token, Money refund) {
        long ceiling = token.limits().refundPerDay(refund.currency());
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Expr e = new Expr();
        String total = e.name(TokenRefundTotals.AMOUNT);
        Instant expires = day.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        try {
            if (refund.amount() > ceiling) {
                throw ConditionalCheckFailedException.builder().message("over the day's ceiling on its own").build();
            }
            client.updateItem(b -> b.tableName(table).key(key(token, refund.currency(), day))
                    .updateExpression("ADD " + total + " " + e.value(refund.amount()) + " SET " + e.name(TTL_ATTRIBUTE) + " = "
                            + e.value(expires.getEpochSecond()))
                    .conditionExpression("attribute_not_exists(" + total + ") OR " + total + " <= " + e.value(ceiling - refund.amount()))
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException over) {
            throw new ToolCallException("A refund of " + refund.format() + " would take this assistant over its daily refund limit ("
                    + (ceiling == 0 ? "no refunds in " + refund.currency() : new Money(ceiling, refund.currency()).format() + " per day")
                    + "). A human must approve it: tell the user an operator will review the refund; nothing was refunded.");
        }
        return new Reservation(token, refund.currency(), refund.amount(), day);
    }

    public void release(Reservation r) {
        Expr e = new Expr();
        client.updateItem(b -> b.tableName(table).key(key(r.token(), r.currency(), r.day()))
                .updateExpression("ADD " + e.name(TokenRefundTotals.AMOUNT) + " " + e.value(-r.amount()))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
    }

    private static Map<String, AttributeValue> key(McpToken token, String currency, LocalDate day) {
        return Map.of(PK, Attr.s(TokenRefundTotals.PK_PREFIX + token.id()), SK,
                Attr.s(TokenRefundTotals.SK_PREFIX + day + "#" + currency));
    }
}
