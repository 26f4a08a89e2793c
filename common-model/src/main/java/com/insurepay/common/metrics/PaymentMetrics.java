package com.insurepay.common.metrics;

import com.insurepay.common.money.CurrencyRules;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The business counters every service that writes payments shares (same names, so a dashboard sums them over
 * checkout-service and webhook-service). Prometheus names:
 * <ul>
 * <li>{@code insurepay_payment_transitions_total{to_status,currency,kind}}: payments created ({@code pending}) and
 * status changes applied, by the status the write left the payment in;</li>
 * <li>{@code insurepay_payments_received_total{currency,late}} and
 * {@code insurepay_payments_received_amount_total{currency,late}}: payments whose money was recorded, and that money
 * in minor units; {@code late="true"} for money that arrived after we closed the payment (paid_after_close, to be
 * given back), so revenue is {@code late="false"};</li>
 * <li>{@code insurepay_refunds_total{currency,late}} and {@code insurepay_refunds_amount_total{currency,late}}: refunds
 * made through checkout-service (API, and late money with {@code late="true"}), and their amount in minor units.</li>
 * </ul>
 * Labels are bounded: nine statuses, two kinds, two values of late, and the currencies {@link CurrencyRules#supported()} accepts (any
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
        String late = String.valueOf(payment.status() == PaymentStatus.PAID_AFTER_CLOSE);
        Counter.builder(RECEIVED).description("Payments whose money was recorded (late: paid after we closed them)")
                .tag("currency", currency).tag("late", late).register(registry).increment();
        Counter.builder(RECEIVED_AMOUNT).description("Money received, in minor units of the currency")
                .tag("currency", currency).tag("late", late).register(registry).increment(payment.amount());
    }

    /** A refund of {@code amount} minor units was made at Stripe for {@code payment} (as it was before the refund). */
    public void refunded(Payment payment, long amount) {
        String currency = currency(payment.currency());
        String late = String.valueOf(payment.status() == PaymentStatus.PAID_AFTER_CLOSE);
        Counter.builder(REFUNDS).description("Refunds made at Stripe through checkout-service (late: of money paid after close)")
                .tag("currency", currency).tag("late", late).register(registry).increment();
        Counter.builder(REFUNDS_AMOUNT).description("Money refunded, in minor units of the currency")
                .tag("currency", currency).tag("late", late).register(registry).increment(amount);
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
