package com.insurepay.common.store;

import static com.insurepay.common.payment.PaymentStatus.COMPLETED;
import static com.insurepay.common.payment.PaymentStatus.DISPUTED;
import static com.insurepay.common.payment.PaymentStatus.PAID_AFTER_CLOSE;
import static com.insurepay.common.payment.PaymentStatus.PENDING;
import static com.insurepay.common.payment.PaymentStatus.REFUNDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.StripeEvidence;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.payment.TransitionResult.Outcome;
import com.insurepay.common.table.PaymentTable;
import com.insurepay.testsupport.DynamoDbSandboxServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A fallback is chosen from the item one refused write returned, and the payment may move on before the fallback's
 * own write: another delivery applies in between. The choice must then be made again, or a refund or dispute that
 * overtook its completion (and met it half-way) would be recorded as stale, its event marked, and lost for good.
 * Deterministic: the other delivery is applied from inside the first refusal, through another client.
 */
class PaymentRepositoryFallbackRaceTest {

    static final String TABLE = "payments_fallback_race";
    static final long AMOUNT = 15000;

    private static final DynamoDbSandboxServer SERVER = DynamoDbSandboxServer.shared();
    private static final DynamoDbClient PLAIN = SERVER.newClient();

    /** Run once, right after the next conditional write of the intercepted client is refused. */
    private volatile Runnable onNextRefusal;

    private final DynamoDbClient intercepted = DynamoDbClient.builder()
            .endpointOverride(URI.create(SERVER.endpoint()))
            .region(Region.of(DynamoDbSandboxServer.REGION))
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(DynamoDbSandboxServer.ACCESS_KEY, DynamoDbSandboxServer.SECRET_KEY)))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                    Runnable hook = onNextRefusal;
                    if (hook != null && context.exception() instanceof ConditionalCheckFailedException) {
                        onNextRefusal = null;
                        hook.run();
                    }
                }
            }))
            .build();

    private final Clock clock = Clock.systemUTC();
    private PaymentRepository racing;
    private PaymentRepository other;

    @BeforeEach
    void table() {
        PaymentTable.ensure(PLAIN, TABLE);
        racing = new PaymentRepository(intercepted, TABLE, clock);
        other = new PaymentRepository(PLAIN, TABLE, clock);
    }

    @Test
    void aRefundWhoseImpliedCompletionIsOvertakenByTheCompletionIsStillApplied() {
        Payment p = pendingCheckout();
        String pi = "pi_" + p.paymentId();
        PaymentChanges refunded = PaymentChanges.NONE.withRefundedAmount(AMOUNT).withStripePaymentIntent(pi);
        Transition refund = Transition.to(REFUNDED, TransitionCause.webhook(newEventId(), "charge.refunded"))
                .with(refunded).provenBy(StripeEvidence.paymentIntent("ch_" + p.paymentId(), pi, AMOUNT, "sgd"));
        Transition implied = refund.with(refunded.clearingFailureReason());
        onNextRefusal = () -> assertEquals(Outcome.APPLIED, other.apply(p.paymentId(), completion(p)).outcome());

        TransitionResult r = racing.apply(p.paymentId(),
                refund.otherwise(implied.via(COMPLETED)).otherwise(implied.via(PAID_AFTER_CLOSE)));

        assertEquals(Outcome.APPLIED, r.outcome(), r.detail());
        assertEquals(REFUNDED, r.payment().status());
        assertEquals(AMOUNT, r.payment().refundedAmount());
        assertEquals(List.of(PENDING, COMPLETED, REFUNDED), appliedSteps(p));
    }

    @Test
    void aDisputeWhoseImpliedCompletionIsOvertakenByTheCompletionIsStillApplied() {
        Payment p = pendingCheckout();
        String pi = "pi_" + p.paymentId();
        Transition dispute = Transition.to(DISPUTED, TransitionCause.webhook(newEventId(), "charge.dispute.created"))
                .with(PaymentChanges.NONE.withDispute("dp_" + p.paymentId(), Payment.DISPUTE_OPEN))
                .provenBy(StripeEvidence.dispute("dp_" + p.paymentId(), pi, AMOUNT, "sgd"));
        Transition implied = dispute.with(dispute.changes().withStripePaymentIntent(pi).clearingFailureReason());
        onNextRefusal = () -> assertEquals(Outcome.APPLIED, other.apply(p.paymentId(), completion(p)).outcome());

        TransitionResult r = racing.apply(p.paymentId(),
                dispute.otherwise(implied.via(COMPLETED)).otherwise(implied.via(PAID_AFTER_CLOSE)));

        assertEquals(Outcome.APPLIED, r.outcome(), r.detail());
        assertEquals(DISPUTED, r.payment().status());
        assertEquals(Payment.DISPUTE_OPEN, r.payment().disputeStatus());
        assertEquals(List.of(PENDING, COMPLETED, DISPUTED), appliedSteps(p));
    }

    private Payment pendingCheckout() {
        Instant now = clock.instant();
        Payment p = Payment.newPending(Ids.newPaymentId(now), "tenant-a", "user-" + UUID.randomUUID(),
                "quote-" + UUID.randomUUID(), Money.of(AMOUNT, "SGD"), "Travel Cover", null, PaymentKind.CHECKOUT,
                now.plus(Duration.ofHours(24)), now);
        other.create(p, TransitionCause.api("initiate_purchase"));
        other.attachCheckoutSession(p.paymentId(), "cs_test_" + p.paymentId(), "http://localhost/c", p.expiresAt()).orElseThrow();
        return p;
    }

    private static Transition completion(Payment p) {
        String pi = "pi_" + p.paymentId();
        return Transition.to(COMPLETED, TransitionCause.webhook(newEventId(), "checkout.session.completed"))
                .with(PaymentChanges.paid(pi))
                .provenBy(StripeEvidence.session("cs_test_" + p.paymentId(), null, pi, AMOUNT, "sgd"));
    }

    private List<PaymentStatus> appliedSteps(Payment p) {
        return other.history(p.paymentId()).stream().filter(HistoryEntry::applied).map(HistoryEntry::to).toList();
    }

    private static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
