package com.insurepay.console;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.analytics.AnalyticsRollup;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.ids.Timestamps;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyRepository;
import com.insurepay.common.store.Attr;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.DeliveryRecord;
import com.insurepay.common.store.PaymentEmails;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.table.PaymentTable.RefundRequests;
import com.insurepay.common.table.PaymentTable.PaymentLinks;
import com.insurepay.common.table.TableName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Seeds the table (dynamodb-sandbox) through common-model's repositories, as checkout-service and webhook-service
 * write it; the two items common-model has no writer for (a refund request, a saved link) as those services write them.
 */
@ApplicationScoped
public class TestData {

    private final PaymentRepository payments;
    private final PolicyRepository policies;
    private final DeliveryLog deliveries;
    private final PaymentEmails emails;
    private final DynamoDbClient client;
    private final String table;

    public TestData(PaymentRepository payments, PolicyRepository policies, DeliveryLog deliveries, PaymentEmails emails,
            DynamoDbClient client, TableName table) {
        this.payments = payments;
        this.policies = policies;
        this.deliveries = deliveries;
        this.emails = emails;
        this.client = client;
        this.table = table.value();
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public Payment checkout(String tenant, String userId, String quoteId, Instant createdAt) {
        Payment payment = Payment.newPending(Ids.newPaymentId(createdAt), tenant, userId, quoteId, Money.of(15_000, "SGD"),
                "Travel Insurance Plus", "alice@example.com", PaymentKind.CHECKOUT, createdAt.plus(Duration.ofHours(1)), createdAt);
        payments.create(payment, new TransitionCause(TransitionCause.Source.API, "mcp:assistant-1", null, "initiate_purchase",
                "req-" + unique(""), "conv-42"));
        String session = unique("cs_test_");
        return payments.attachCheckoutSession(payment.paymentId(), session, "https://checkout.stripe.com/c/pay/" + session,
                createdAt.plus(Duration.ofHours(1))).orElseThrow();
    }

    public Payment checkout(String tenant) {
        return checkout(tenant, unique("user_"), unique("quote_"), Instant.now());
    }

    public Payment move(Payment payment, PaymentStatus to, PaymentChanges changes, String eventId) {
        TransitionResult result = payments.apply(payment.paymentId(),
                Transition.to(to, TransitionCause.webhook(eventId, "checkout.session." + to.wireName())).with(changes));
        if (!result.applied()) {
            throw new IllegalStateException("transition to " + to + " not applied: " + result.outcome());
        }
        return payments.find(payment.paymentId()).orElseThrow();
    }

    public Payment paid(Payment payment, String eventId) {
        return move(payment, PaymentStatus.COMPLETED, PaymentChanges.paid("pi_" + unique("")), eventId);
    }

    public Policy issuePolicy(Payment paid) {
        Instant now = Instant.now();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        Policy policy = new Policy(Ids.newPolicyId(now), Ids.policyNumber(now, policies.nextSequence(year)),
                paid.paymentId(), paid.userId(), paid.quoteId(), paid.productName(), paid.amount(), paid.currency(),
                paid.customerEmail(), now, "auto-issuer");
        if (!policies.issue(policy)) {
            throw new IllegalStateException("policy not issued");
        }
        return policy;
    }

    /** What checkout-service's RefundLedger writes for a refund request. */
    public void refundRequest(Payment payment, long amount, String state, String refundId) {
        Map<String, AttributeValue> item = new HashMap<>();
        String key = unique("rk_");
        item.put(PK, Attr.s(PAYMENT_PK_PREFIX + payment.paymentId()));
        item.put(SK, Attr.s(REFUND_SK_PREFIX + key));
        item.put(ENTITY, Attr.s(RefundRequests.ENTITY_VALUE));
        item.put(RefundRequests.PAYMENT_ID, Attr.s(payment.paymentId()));
        item.put(RefundRequests.REQUEST_KEY, Attr.s(key));
        item.put(RefundRequests.AMOUNT, Attr.n(amount));
        item.put(RefundRequests.REASON, Attr.s("customer changed travel plans"));
        item.put(RefundRequests.STATE, Attr.s(state));
        item.put(RefundRequests.REFUND_ID, Attr.s(refundId));
        item.put(RefundRequests.STRIPE_STATUS, Attr.s("succeeded"));
        item.put(RefundRequests.REQUESTED_AT, Attr.s(Timestamps.format(Instant.now())));
        item.put(RefundRequests.ACTOR, Attr.s("mcp:assistant-1"));
        item.put(RefundRequests.REQUEST_ID, Attr.s("req-refund-1"));
        item.put(RefundRequests.CONVERSATION_ID, Attr.s("conv-42"));
        client.putItem(b -> b.tableName(table).item(item));
    }

    /**
     * What checkout-service's analytics rollup does: counts every due payment, writing each one's snapshot item
     * ({@code PAY#<id>} / {@code STATS_COUNTED}) under the payment's partition.
     */
    public void rolledUp() {
        new AnalyticsRollup(client, table, Clock.systemUTC(), new SimpleMeterRegistry(), 10_000).sweep();
    }

    /** The payment's analytics snapshot item, empty when it has none. */
    public Map<String, AttributeValue> statsCounted(Payment payment) {
        return client.getItem(b -> b.tableName(table).key(PaymentItems.statsCountedKey(payment.paymentId())).consistentRead(true))
                .item();
    }

    /** What checkout-service's PaymentLinkRepository keeps of the link's e-mail. */
    public void savedLinkMailed(Payment payment, Instant sentAt, String to) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, Attr.s(quotePk(payment.tenant(), payment.quoteId())));
        item.put(SK, Attr.s(PAYMENT_LINK_SK));
        item.put(PaymentLinks.PAYMENT_ID, Attr.s(payment.paymentId()));
        item.put(PaymentLinks.SENT_AT, Attr.s(Timestamps.format(sentAt)));
        item.put(PaymentLinks.SENT_TO, Attr.s(to));
        client.putItem(b -> b.tableName(table).item(item));
    }

    /** What checkout-service records after an attempt to e-mail the customer about a payment. */
    public void emailed(Payment payment, Instant at, EmailRecord.Kind kind, EmailRecord.Outcome outcome, String actor, String requestId) {
        if (!emails.recordEmail(payment.paymentId(), new EmailRecord(at, kind, outcome, actor, requestId))) {
            throw new IllegalStateException("no payment " + payment.paymentId());
        }
    }

    public DeliveryRecord delivery(String eventId, String type, String objectId, String paymentId, String outcome, Instant receivedAt) {
        DeliveryRecord r = new DeliveryRecord(eventId, type, objectId, paymentId, outcome, receivedAt,
                receivedAt.plus(Duration.ofDays(30)));
        deliveries.write(List.of(r));
        return r;
    }
}
