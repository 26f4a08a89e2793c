package com.insurepay.checkout.followup;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.service.CheckoutProblem;
import com.insurepay.checkout.service.PolicyService;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentItems;
import com.insurepay.common.stream.StreamRecordHandler.Decision;
import com.insurepay.common.stream.TableStreamReader;
import com.insurepay.common.table.PaymentTable;
import com.insurepay.common.table.TableName;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A paid payment gets its policy even if the assistant never comes back (a pay-later customer may pay days after
 * the chat ended). This consumer of the table's stream sees every payment that became paid; once
 * {@code checkout.policy.auto-issue-after} (default 2 minutes, time for the assistant's own complete_purchase) has
 * passed since the money arrived and no policy exists, it issues one as {@code system}, which also e-mails the
 * customer the policy number and document link. Exactly one policy per payment: issuing is conditional, so the
 * assistant and this consumer (and several replicas of it) can race safely.
 */
@ApplicationScoped
public class PolicyAutoIssuer {

    private static final Logger LOG = Logger.getLogger(PolicyAutoIssuer.class);
    static final String CONSUMER = "policy-auto-issue";

    private final PolicyService policies;
    private final CheckoutSettings settings;
    private final Clock clock;
    private final TableStreamReader reader;
    private final Timer lag;

    public PolicyAutoIssuer(PolicyService policies, CheckoutSettings settings, Clock clock, DynamoDbClient dynamo,
            DynamoDbStreamsClient streams, TableName table, MeterRegistry metrics) {
        this.policies = policies;
        this.settings = settings;
        this.clock = clock;
        this.reader = new TableStreamReader(dynamo, streams, table.value(), CONSUMER, clock, Duration.ofSeconds(30));
        this.lag = Timer.builder("checkout.policy.issuance.lag")
                .description("From the money arriving to the policy being issued automatically").publishPercentileHistogram()
                .register(metrics);
    }

    @Scheduled(identity = "policy-auto-issue", every = "${checkout.policy.auto-issue-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warnf("Automatic policy issuance paused: %s", e.toString());
        }
    }

    /** Handles what is new in the stream now. @return stream records handled */
    public int poll() {
        return reader.poll(this::handle);
    }

    Decision handle(Record record) {
        if (record.eventName() == OperationType.REMOVE || record.dynamodb().newImage() == null) {
            return Decision.HANDLED;
        }
        Map<String, AttributeValue> image = record.dynamodb().newImage();
        AttributeValue entity = image.get(PaymentTable.ENTITY);
        if (entity == null || !PaymentTable.Payments.ENTITY_VALUE.equals(entity.s())) {
            return Decision.HANDLED;
        }
        Payment payment = PaymentItems.fromItem(image);
        if (!payment.status().canIssuePolicy() || payment.hasPolicy() || payment.paidAt() == null) {
            return Decision.HANDLED;
        }
        Instant due = payment.paidAt().plus(settings.policyAutoIssueAfter());
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            return Decision.NOT_YET;
        }
        try {
            PolicyService.IssuedPolicy issued = policies.issue(payment.paymentId(), TransitionCause.SYSTEM);
            if (issued.created()) {
                lag.record(Duration.between(payment.paidAt(), now));
                LOG.infof("Policy %s issued automatically for payment %s (nobody asked within %s)", issued.policy().policyNumber(),
                        payment.paymentId(), settings.policyAutoIssueAfter());
            }
        } catch (CheckoutProblem changed) {
            // Refunded or disputed meanwhile (a later record of the stream says so): no cover to issue.
            LOG.debugf("No automatic policy for payment %s: %s", payment.paymentId(), changed.getMessage());
        }
        return Decision.HANDLED;
    }
}
