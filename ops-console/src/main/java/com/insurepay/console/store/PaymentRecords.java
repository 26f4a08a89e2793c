package com.insurepay.console.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.store.Attr;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.table.PaymentTable.RefundRequests;
import com.insurepay.common.table.PaymentTable.PaymentLinks;
import com.insurepay.common.table.TableName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads (never writes) what the table keeps about one payment. Access patterns: the payment and its refund
 * requests are ONE Query on the payment's partition ({@code PAY#<id>}: the {@code PAYMENT} item and the
 * {@code REFUND#…} items; the payment item carries its e-mail records); the saved link of its quote is one GetItem ({@code QUOTE#<tenant>#<quote>} / {@code PAYLINK}).
 */
@ApplicationScoped
public class PaymentRecords {

    private final DynamoDbClient client;
    private final String table;

    public PaymentRecords(DynamoDbClient client, TableName table) {
        this.client = client;
        this.table = table.value();
    }

    public Optional<PaymentRecord> find(String paymentId) {
        Map<String, AttributeValue> payment = null;
        List<RefundRequest> refunds = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(PAYMENT_PK_PREFIX + paymentId))).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = Attr.str(item, SK);
                if (PAYMENT_SK.equals(sk)) {
                    payment = item;
                } else if (sk != null && sk.startsWith(REFUND_SK_PREFIX)) {
                    refunds.add(refund(item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        if (payment == null) {
            return Optional.empty();
        }
        return Optional.of(new PaymentRecord(PaymentItems.fromItem(payment), PaymentItems.history(payment),
                PaymentItems.stripeEvents(payment), refunds, PaymentItems.emails(payment)));
    }

    /** When the quote's saved payment link was last e-mailed, if it was and the link is this payment's. */
    public Optional<SavedLinkMail> linkMail(String tenant, String quoteId, String paymentId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(Map.of(PK, Attr.s(quotePk(tenant, quoteId)),
                SK, Attr.s(PAYMENT_LINK_SK)))).item();
        if (item == null || item.isEmpty() || !paymentId.equals(Attr.str(item, PaymentLinks.PAYMENT_ID))
                || Attr.str(item, PaymentLinks.SENT_AT) == null) {
            return Optional.empty();
        }
        return Optional.of(new SavedLinkMail(paymentId, Attr.instant(item, PaymentLinks.SENT_AT), Attr.str(item, PaymentLinks.SENT_TO)));
    }

    static RefundRequest refund(Map<String, AttributeValue> item) {
        return new RefundRequest(Attr.str(item, RefundRequests.REQUEST_KEY), Attr.num(item, RefundRequests.AMOUNT, 0),
                Attr.str(item, RefundRequests.REASON), Attr.str(item, RefundRequests.STATE), Attr.str(item, RefundRequests.REFUND_ID),
                Attr.str(item, RefundRequests.STRIPE_STATUS), Attr.instant(item, RefundRequests.REQUESTED_AT),
                Attr.str(item, RefundRequests.ACTOR), Attr.str(item, RefundRequests.REQUEST_ID),
                Attr.str(item, RefundRequests.CONVERSATION_ID));
    }
}
