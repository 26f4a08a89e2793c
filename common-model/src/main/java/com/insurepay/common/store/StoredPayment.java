package com.insurepay.common.store;

import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A payment as stored: the payment and its audit trail, read together from its one item. */
public record StoredPayment(Payment payment, List<HistoryEntry> history) {

    public static StoredPayment of(Map<String, AttributeValue> item) {
        return new StoredPayment(PaymentItems.fromItem(item), PaymentItems.history(item));
    }
}
