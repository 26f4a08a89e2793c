package com.insurepay.common.policy;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.PaymentItems;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Policies and the policy-number counter. Issuing is one transaction: the policy item and the payment's
 * {@code policy_id}, conditioned on the payment being paid and having no policy yet, so a payment gets one policy
 * even when two requests race.
 */
public class PolicyRepository {

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public PolicyRepository(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    /** The next number of the year's sequence, from an atomic counter item (ADD is atomic in DynamoDB). */
    public long nextSequence(int year) {
        Map<String, AttributeValue> key = Map.of(PK, Attr.s(COUNTER_PK_PREFIX + "policy#" + year), SK, Attr.s(COUNTER_SK));
        Map<String, AttributeValue> after = client.updateItem(b -> b.tableName(table).key(key)
                .updateExpression("ADD #n :one")
                .expressionAttributeNames(Map.of("#n", "value"))
                .expressionAttributeValues(Map.of(":one", Attr.n(1)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return Long.parseLong(after.get("value").n());
    }

    /**
     * Stores the policy and links it to its payment, atomically.
     *
     * @return true if issued; false if the payment already has a policy or is not paid (nothing written)
     */
    public boolean issue(Policy policy) {
        Update linkPayment = Update.builder().tableName(table).key(PaymentItems.key(policy.paymentId()))
                .updateExpression("SET #pid = :pid, #pn = :pn, #v = #v + :one, #t = :now")
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#pid) AND #st IN (:c, :pr, :r, :d)")
                .expressionAttributeNames(Map.of("#pid", "policy_id", "#pn", "policy_number", "#v", "version",
                        "#t", "updated_at", "#pk", PK, "#st", "payment_status"))
                .expressionAttributeValues(Map.of(":pid", Attr.s(policy.policyId()), ":pn", Attr.s(policy.policyNumber()),
                        ":one", Attr.n(1), ":now", Attr.time(clock.instant()),
                        ":c", Attr.s(PaymentStatus.COMPLETED.wireName()),
                        ":pr", Attr.s(PaymentStatus.PARTIALLY_REFUNDED.wireName()),
                        ":r", Attr.s(PaymentStatus.REFUNDED.wireName()), ":d", Attr.s(PaymentStatus.DISPUTED.wireName())))
                .build();
        Put putPolicy = Put.builder().tableName(table).item(toItem(policy))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)).build();
        try {
            client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(linkPayment).build(),
                    TransactWriteItem.builder().put(putPolicy).build()));
            return true;
        } catch (TransactionCanceledException e) {
            boolean conditionFailed = e.cancellationReasons() != null && e.cancellationReasons().stream()
                    .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (conditionFailed) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Policy> find(String policyId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, Attr.s(POLICY_PK_PREFIX + policyId), SK, Attr.s(POLICY_SK)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Policy(Attr.str(item, "policy_id"), Attr.str(item, "policy_number"),
                Attr.str(item, "payment_intent_id"), Attr.str(item, "insured_user_id"), Attr.str(item, "insured_quote_id"),
                Attr.str(item, "product_name"), Attr.num(item, "premium_amount", 0), Attr.str(item, "currency"),
                Attr.str(item, "customer_email"), Attr.instant(item, "issued_at"), Attr.str(item, "status")));
    }

    private static Map<String, AttributeValue> toItem(Policy p) {
        // user/quote are stored under other names than user_id/quote_id so policies stay out of the payment GSIs.
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, Attr.s(POLICY_PK_PREFIX + p.policyId()));
        item.put(SK, Attr.s(POLICY_SK));
        item.put(ENTITY, Attr.s("policy"));
        item.put("policy_id", Attr.s(p.policyId()));
        item.put("policy_number", Attr.s(p.policyNumber()));
        item.put("payment_intent_id", Attr.s(p.paymentId()));
        item.put("insured_user_id", Attr.s(p.userId()));
        item.put("insured_quote_id", Attr.s(p.quoteId()));
        Attr.putIfPresent(item, "product_name", p.productName());
        item.put("premium_amount", Attr.n(p.premiumAmount()));
        item.put("currency", Attr.s(p.currency()));
        Attr.putIfPresent(item, "customer_email", p.customerEmail());
        item.put("issued_at", Attr.time(p.issuedAt()));
        item.put("status", Attr.s(p.status()));
        return item;
    }
}
