package com.insurepay.common.metrics;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.store.PaymentRepository;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The repository every service writes payments with, counting each creation and each applied transition where it
 * is applied (webhook-service's event rules, checkout-service's cancel, refunds, failures and reconciliation), after
 * the write succeeded: a refused, duplicate or failed write counts nothing.
 */
public class MeteredPaymentRepository extends PaymentRepository {

    private final PaymentMetrics metrics;

    public MeteredPaymentRepository(DynamoDbClient client, String table, Clock clock, PaymentMetrics metrics) {
        super(client, table, clock);
        this.metrics = metrics;
    }

    @Override
    public void create(Payment payment, TransitionCause cause) {
        super.create(payment, cause);
        metrics.transition(payment);
    }

    @Override
    public TransitionResult apply(String paymentId, Transition requested) {
        TransitionResult result = super.apply(paymentId, requested);
        if (result.applied() && result.payment() != null) {
            metrics.transition(result.payment());
            if (PaymentMetrics.moneyRecordedBy(result.payment())) {
                metrics.received(result.payment());
            }
        }
        return result;
    }
}
