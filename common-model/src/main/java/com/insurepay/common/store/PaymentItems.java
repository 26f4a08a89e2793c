package com.insurepay.common.store;

import static com.insurepay.common.table.PaymentTable.*;

import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps payments and their history entries to DynamoDB items and back. Attribute names are the seeds'. */
public final class PaymentItems {

    public static final String ENTITY_PAYMENT = "payment";
    public static final String ENTITY_HISTORY = "payment_history";
    public static final String OPEN = "OPEN";

    static final String PAYMENT_ID = "payment_intent_id";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String PRODUCT_NAME = "product_name";
    static final String CUSTOMER_EMAIL = "customer_email";
    static final String STATUS = "payment_status";
    static final String KIND = "kind";
    static final String CHECKOUT_URL = "checkout_url";
    static final String FAILURE_REASON = "failure_reason";
    static final String REFUNDED_AMOUNT = "refunded_amount";
    static final String POLICY_ID = "policy_id";
    static final String POLICY_NUMBER = "policy_number";
    static final String UPDATED_AT = "updated_at";
    static final String WEBHOOK_PROCESSED_AT = "webhook_processed_at";
    static final String VERSION = "version";

    private PaymentItems() {
    }

    public static Map<String, AttributeValue> key(String paymentId) {
        return Map.of(PK, Attr.s(PAYMENT_PK_PREFIX + paymentId), SK, Attr.s(PAYMENT_SK));
    }

    public static Map<String, AttributeValue> toItem(Payment p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.paymentId()));
        item.put(ENTITY, Attr.s(ENTITY_PAYMENT));
        item.put(PAYMENT_ID, Attr.s(p.paymentId()));
        item.put(USER_ID, Attr.s(p.userId()));
        item.put(QUOTE_ID, Attr.s(p.quoteId()));
        item.put(AMOUNT, Attr.n(p.amount()));
        item.put(CURRENCY, Attr.s(p.currency()));
        Attr.putIfPresent(item, PRODUCT_NAME, p.productName());
        Attr.putIfPresent(item, CUSTOMER_EMAIL, p.customerEmail());
        item.put(STATUS, Attr.s(p.status().wireName()));
        item.put(KIND, Attr.s(p.kind().wireName()));
        Attr.putIfPresent(item, STRIPE_SESSION_ID, p.stripeSessionId());
        Attr.putIfPresent(item, STRIPE_PAYMENT_INTENT, p.stripePaymentIntent());
        Attr.putIfPresent(item, CHECKOUT_URL, p.checkoutUrl());
        Attr.putIfPresent(item, EXPIRES_AT, p.expiresAt());
        Attr.putIfPresent(item, PAYMENT_LINK_ID, p.paymentLinkId());
        Attr.putIfPresent(item, FAILURE_REASON, p.failureReason());
        item.put(REFUNDED_AMOUNT, Attr.n(p.refundedAmount()));
        Attr.putIfPresent(item, POLICY_ID, p.policyId());
        Attr.putIfPresent(item, POLICY_NUMBER, p.policyNumber());
        item.put(CREATED_AT, Attr.time(p.createdAt()));
        item.put(UPDATED_AT, Attr.time(p.updatedAt()));
        Attr.putIfPresent(item, WEBHOOK_PROCESSED_AT, p.webhookProcessedAt());
        item.put(VERSION, Attr.n(p.version()));
        if (p.status().isOpen()) {
            item.put(OPEN_BUCKET, Attr.s(OPEN));
        }
        return item;
    }

    public static Payment fromItem(Map<String, AttributeValue> item) {
        return new Payment(
                Attr.str(item, PAYMENT_ID),
                Attr.str(item, USER_ID),
                Attr.str(item, QUOTE_ID),
                Attr.num(item, AMOUNT, 0),
                Attr.str(item, CURRENCY),
                Attr.str(item, PRODUCT_NAME),
                Attr.str(item, CUSTOMER_EMAIL),
                PaymentStatus.parse(Attr.str(item, STATUS)),
                PaymentKind.parse(Attr.str(item, KIND)),
                Attr.str(item, STRIPE_SESSION_ID),
                Attr.str(item, STRIPE_PAYMENT_INTENT),
                Attr.str(item, CHECKOUT_URL),
                Attr.instant(item, EXPIRES_AT),
                Attr.str(item, PAYMENT_LINK_ID),
                Attr.str(item, FAILURE_REASON),
                Attr.num(item, REFUNDED_AMOUNT, 0),
                Attr.str(item, POLICY_ID),
                Attr.str(item, POLICY_NUMBER),
                Attr.instant(item, CREATED_AT),
                Attr.instant(item, UPDATED_AT),
                Attr.instant(item, WEBHOOK_PROCESSED_AT),
                Attr.num(item, VERSION, 0));
    }

    public static Map<String, AttributeValue> historyItem(HistoryEntry h, String uniqueSuffix) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, Attr.s(PAYMENT_PK_PREFIX + h.paymentId()));
        item.put(SK, Attr.s(HISTORY_SK_PREFIX + com.insurepay.common.ids.Timestamps.format(h.at()) + "#" + uniqueSuffix));
        item.put(ENTITY, Attr.s(ENTITY_HISTORY));
        item.put(PAYMENT_ID, Attr.s(h.paymentId()));
        item.put("at", Attr.time(h.at()));
        if (h.from() != null) {
            item.put("from_status", Attr.s(h.from().wireName()));
        }
        item.put("to_status", Attr.s(h.to().wireName()));
        item.put("applied", Attr.bool(h.applied()));
        item.put("source", Attr.s(h.source().wireName()));
        Attr.putIfPresent(item, "stripe_event_id", h.stripeEventId());
        Attr.putIfPresent(item, "detail", h.detail());
        return item;
    }

    public static HistoryEntry historyFromItem(Map<String, AttributeValue> item) {
        String from = Attr.str(item, "from_status");
        return new HistoryEntry(
                Attr.str(item, PAYMENT_ID),
                Attr.instant(item, "at"),
                from == null ? null : PaymentStatus.parse(from),
                PaymentStatus.parse(Attr.str(item, "to_status")),
                Attr.bool(item, "applied"),
                TransitionCause.Source.valueOf(Attr.str(item, "source").toUpperCase(java.util.Locale.ROOT)),
                Attr.str(item, "stripe_event_id"),
                Attr.str(item, "detail"));
    }
}
