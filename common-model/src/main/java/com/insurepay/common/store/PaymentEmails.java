package com.insurepay.common.store;

import static com.insurepay.common.table.PaymentTable.PK;

import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.table.PaymentTable.Payments;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The customer e-mails sent about a payment, recorded on its item ({@code PAY#<id>} / {@code PAYMENT}, attribute
 * {@link Payments#EMAILS}) for operators. Apart from {@link PaymentRepository}: it changes nothing the payment's
 * rules or figures depend on, and its write is deliberately not one of the repository's (see {@link #recordEmail}).
 * Read back with {@link PaymentItems#emails}.
 */
public class PaymentEmails {

    private static final AttributeValue EMPTY_LIST = AttributeValue.builder().l(List.of()).build();

    private final DynamoDbClient client;
    private final String table;

    public PaymentEmails(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /**
     * Appends one e-mail record to the payment, in ONE UpdateItem conditioned only on the payment existing (a missing
     * payment gets no item made up for it).
     * <p>
     * It does NOT bump {@code version}, set {@code stats_due} or touch {@code updated_at}, unlike
     * {@code PaymentRepository}'s writes: an e-mail changes no business figure and no status. The analytics rollup
     * writes a payment's counted figures on condition that {@code version} is still the one it read; bumping it here
     * would cancel that transaction and, with {@code stats_due} set, make it recount a payment whose figures did not
     * move (an extra write per e-mail, and a race with every sweep for nothing). {@code updated_at} stays "the last
     * change of the payment" for the pages and the console. Appending to a list cannot lose a concurrent transition
     * or rollup write: DynamoDB applies updates of one item one after the other and each touches its own attributes.
     *
     * @return false when there is no such payment (nothing written)
     */
    public boolean recordEmail(String paymentId, EmailRecord record) {
        Expr e = new Expr();
        String emails = e.name(Payments.EMAILS);
        String update = "SET " + emails + " = list_append(if_not_exists(" + emails + ", " + e.value(EMPTY_LIST) + "), "
                + e.value(AttributeValue.builder().l(PaymentItems.emailEntry(record)).build()) + ")";
        try {
            client.updateItem(b -> b.tableName(table).key(PaymentItems.key(paymentId)).updateExpression(update)
                    .conditionExpression("attribute_exists(" + e.name(PK) + ")").expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values()));
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        }
    }

    /** The e-mails recorded on the payment, oldest first (one consistent read); empty when there is no payment. */
    public List<EmailRecord> emailsOf(String paymentId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(PaymentItems.key(paymentId))
                .consistentRead(true)).item();
        return item == null ? List.of() : PaymentItems.emails(item);
    }
}
