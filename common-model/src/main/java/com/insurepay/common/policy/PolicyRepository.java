package com.insurepay.common.policy;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.Expr;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.table.PaymentTable.Counters;
import com.insurepay.common.table.PaymentTable.Payments;
import com.insurepay.common.table.PaymentTable.Policies;
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
 * even when two requests (or the assistant and the automatic issuance) race.
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
                .expressionAttributeNames(Map.of("#n", Counters.VALUE))
                .expressionAttributeValues(Map.of(":one", Attr.n(1)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return Long.parseLong(after.get(Counters.VALUE).n());
    }

    /**
     * Stores the policy and links it to its payment, atomically, if the payment is paid and kept
     * ({@link PaymentStatus#canIssuePolicy}) and has no policy yet.
     *
     * @return true if issued; false if the payment already has a policy or cannot have one (nothing written)
     */
    public boolean issue(Policy policy) {
        Expr e = new Expr();
        String statuses = java.util.Arrays.stream(PaymentStatus.values()).filter(PaymentStatus::canIssuePolicy)
                .map(s -> e.value(s.wireName())).collect(java.util.stream.Collectors.joining(", "));
        String version = e.name(Payments.VERSION);
        Update linkPayment = Update.builder().tableName(table).key(PaymentItems.key(policy.paymentId()))
                .updateExpression("SET " + e.name(Payments.POLICY_ID) + " = " + e.value(policy.policyId()) + ", "
                        + e.name(Payments.POLICY_NUMBER) + " = " + e.value(policy.policyNumber()) + ", " + version + " = "
                        + version + " + " + e.value(1) + ", " + e.name(UPDATED_AT) + " = " + e.value(Attr.time(clock.instant()))
                        + " REMOVE " + e.name(OPEN_BUCKET))
                .conditionExpression("attribute_exists(" + e.name(PK) + ") AND attribute_not_exists(" + e.name(Payments.POLICY_ID)
                        + ") AND " + e.name(Payments.STATUS) + " IN (" + statuses + ")")
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .build();
        Put putPolicy = Put.builder().tableName(table).item(toItem(policy))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)).build();
        try {
            client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(linkPayment).build(),
                    TransactWriteItem.builder().put(putPolicy).build()));
            return true;
        } catch (TransactionCanceledException e2) {
            boolean conditionFailed = e2.cancellationReasons() != null && e2.cancellationReasons().stream()
                    .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (conditionFailed) {
                return false;
            }
            throw e2;
        }
    }

    public Optional<Policy> find(String policyId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, Attr.s(POLICY_PK_PREFIX + policyId), SK, Attr.s(POLICY_SK)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Policy(Attr.str(item, Policies.POLICY_ID), Attr.str(item, Policies.POLICY_NUMBER),
                Attr.str(item, Policies.PAYMENT_ID), Attr.str(item, Policies.INSURED_USER_ID),
                Attr.str(item, Policies.INSURED_QUOTE_ID), Attr.str(item, Policies.PRODUCT_NAME),
                Attr.num(item, Policies.PREMIUM_AMOUNT, 0), Attr.str(item, Policies.CURRENCY),
                Attr.str(item, Policies.CUSTOMER_EMAIL), Attr.instant(item, Policies.ISSUED_AT),
                Attr.str(item, Policies.ISSUED_BY)));
    }

    private static Map<String, AttributeValue> toItem(Policy p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, Attr.s(POLICY_PK_PREFIX + p.policyId()));
        item.put(SK, Attr.s(POLICY_SK));
        item.put(ENTITY, Attr.s(Policies.ENTITY_VALUE));
        item.put(Policies.POLICY_ID, Attr.s(p.policyId()));
        item.put(Policies.POLICY_NUMBER, Attr.s(p.policyNumber()));
        item.put(Policies.PAYMENT_ID, Attr.s(p.paymentId()));
        item.put(Policies.INSURED_USER_ID, Attr.s(p.userId()));
        item.put(Policies.INSURED_QUOTE_ID, Attr.s(p.quoteId()));
        Attr.putIfPresent(item, Policies.PRODUCT_NAME, p.productName());
        item.put(Policies.PREMIUM_AMOUNT, Attr.n(p.premiumAmount()));
        item.put(Policies.CURRENCY, Attr.s(p.currency()));
        Attr.putIfPresent(item, Policies.CUSTOMER_EMAIL, p.customerEmail());
        item.put(Policies.ISSUED_AT, Attr.time(p.issuedAt()));
        Attr.putIfPresent(item, Policies.ISSUED_BY, p.issuedBy());
        return item;
    }
}
