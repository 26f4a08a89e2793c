package com.insurepay.common.metrics;

import com.insurepay.common.money.CurrencyRules;
import com.insurepay.common.payment.Payment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The business counters every service that writes payments shares (same names, so a dashboard sums them over
 * checkout-service and webhook-service). Prometheus names:
 * <ul>
 * <li>{@code insurepay_payment_transitions_total{to_status,currency,kind}}: payments created ({@code pending}) and
 * status changes applied, by the status the write left the payment in;</li>
 * <li>{@code insurepay_payments_received_total{currency}} and {@code insurepay_payments_received_amount_total{currency}}:
 * payments whose money was recorded, and that money in minor units (gross revenue, late money included);</li>
 * <li>{@code insurepay_refunds_total{currency}} and {@code insurepay_refunds_amount_total{currency}}: refunds made
 * through checkout-service (API and late money), and their amount in minor units.</li>
 * </ul>
 * Labels are bounded: nine statuses, two kinds, and the currencies {@link CurrencyRules#supported()} accepts (any
 * other value becomes {@code other}); never an id, a tenant or an e-mail.
 */
public final class PaymentMetrics {

    public static final String TRANSITIONS = "insurepay.payment.transitions";
    public static final String RECEIVED = "insurepay.payments.received";
    public static final String RECEIVED_AMOUNT = "insurepay.payments.received.amount";
    public static final String REFUNDS = "insurepay.refunds";
    public static final String REFUNDS_AMOUNT = "insurepay.refunds.amount";
    public static final String OTHER = "other";

    private final MeterRegistry registry;

    public PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A payment was stored in {@code payment}'s status (pending) or a write left it in that status. */
    public void transition(Payment payment) {
        Counter.builder(TRANSITIONS).description("Payments created (pending) and status transitions applied, by resulting status")
                .tag("to_status", payment.status().wireName()).tag("currency", currency(payment.currency()))
                .tag("kind", payment.kind().name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    /** The payment's money was recorded (by the write that returned {@code payment}). */
    public void received(Payment payment) {
        String currency = currency(payment.currency());
        Counter.builder(RECEIVED).description("Payments whose money was recorded (completed or paid after close)")
                .tag("currency", currency).register(registry).increment();
        Counter.builder(RECEIVED_AMOUNT).description("Money received, in minor units of the currency")
                .tag("currency", currency).register(registry).increment(payment.amount());
    }

    /** A refund of {@code amount} minor units was made at Stripe. */
    public void refunded(String currencyCode, long amount) {
        String currency = currency(currencyCode);
        Counter.builder(REFUNDS).description("Refunds made at Stripe through checkout-service")
                .tag("currency", currency).register(registry).increment();
        Counter.builder(REFUNDS_AMOUNT).description("Money refunded, in minor units of the currency")
                .tag("currency", currency).register(registry).increment(amount);
    }

    /** A bounded currency label: an accepted ISO code, else {@code other}. */
    public static String currency(String code) {
        String normalized = CurrencyRules.normalize(code);
        return normalized != null && CurrencyRules.supported().contains(normalized) ? normalized : OTHER;
    }

    /**
     * Did the write that returned {@code after} record the payment's money? Every write sets {@code updated_at} to its
     * time and the money's arrival sets {@code paid_at} to the same time only if it was not set before, so equal
     * values mean this write (a completion, late money, or a refund or dispute that implied the payment first).
     */
    public static boolean moneyRecordedBy(Payment after) {
        return after.status().isPaid() && after.paidAt() != null && after.paidAt().equals(after.updatedAt());
    }
}
