package com.insurepay.common.store;

import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.common.analytics.AnalyticsRollup;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.EmailRecord.Kind;
import com.insurepay.common.payment.EmailRecord.Outcome;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.table.PaymentTable;
import com.insurepay.common.table.PaymentTable.EmailEntries;
import com.insurepay.common.table.PaymentTable.Payments;
import com.insurepay.testsupport.DynamoDbSandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** E-mail records on the payment item, against dynamodb-sandbox through the real AWS SDK. */
class PaymentEmailsTest {

    private static final String TABLE = "payments_emails";
    private static final DynamoDbClient CLIENT = DynamoDbSandboxServer.shared().newClient();

    private final Clock clock = Clock.systemUTC();
    private PaymentRepository repository;
    private PaymentEmails emails;
    private AnalyticsRollup rollup;

    @BeforeEach
    void setUp() {
        PaymentTable.ensure(CLIENT, TABLE);
        repository = new PaymentRepository(CLIENT, TABLE, clock);
        emails = new PaymentEmails(CLIENT, TABLE);
        rollup = new AnalyticsRollup(CLIENT, TABLE, clock, new SimpleMeterRegistry(), 1000);
    }

    private Payment newPayment() {
        Instant now = clock.instant();
        Payment p = Payment.newPending(Ids.newPaymentId(now), "tenant-a", "user-1", "quote-" + now.toEpochMilli(),
                Money.of(15000, "SGD"), "Travel Cover", "alice@example.com", PaymentKind.CHECKOUT, now.plus(Duration.ofHours(1)), now);
        repository.create(p, TransitionCause.api("initiate_purchase"));
        return p;
    }

    private Map<String, AttributeValue> item(String paymentId) {
        return CLIENT.getItem(b -> b.tableName(TABLE).key(PaymentItems.key(paymentId)).consistentRead(true)).item();
    }

    @Test
    void recordsAreAppendedInOrderWithoutTheAddressAndLeaveVersionUpdatedAtAndTheAnalyticsMarkerAlone() {
        Payment p = newPayment();
        rollup.sweep(); // counted: its stats_due marker is gone
        Map<String, AttributeValue> before = item(p.paymentId());
        assertNull(before.get(PaymentTable.STATS_DUE_ATTRIBUTE), "counted by the rollup before the e-mails");

        Instant first = clock.instant();
        assertTrue(emails.recordEmail(p.paymentId(), new EmailRecord(first, Kind.POLICY_CONFIRMATION, Outcome.FAILED, "system", null)));
        assertTrue(emails.recordEmail(p.paymentId(),
                new EmailRecord(first.plusSeconds(5), Kind.POLICY_CONFIRMATION, Outcome.SENT, "tok_1 (assistant)", "req-7")));

        Map<String, AttributeValue> after = item(p.paymentId());
        assertEquals(before.get(Payments.VERSION), after.get(Payments.VERSION), "an e-mail changes no version");
        assertEquals(before.get(PaymentTable.UPDATED_AT), after.get(PaymentTable.UPDATED_AT), "nor the payment's last change");
        assertNull(after.get(PaymentTable.STATS_DUE_ATTRIBUTE), "nor marks it for the analytics");
        assertEquals(0, rollup.sweep().found(), "nothing to recount");
        assertEquals(before.get(Payments.HISTORY), after.get(Payments.HISTORY));

        List<AttributeValue> stored = after.get(Payments.EMAILS).l();
        assertEquals(2, stored.size());
        assertEquals(Set.of(EmailEntries.AT, EmailEntries.KIND, EmailEntries.OUTCOME, EmailEntries.ACTOR, EmailEntries.REQUEST_ID),
                stored.get(1).m().keySet(), "ids only: no address, no body");
        assertFalse(stored.toString().contains("alice@example.com"));

        List<EmailRecord> read = emails.emailsOf(p.paymentId());
        assertEquals(List.of(new EmailRecord(first, Kind.POLICY_CONFIRMATION, Outcome.FAILED, "system", null),
                new EmailRecord(first.plusSeconds(5), Kind.POLICY_CONFIRMATION, Outcome.SENT, "tok_1 (assistant)", "req-7")), read);
    }

    @Test
    void aPaymentMarkedForTheRollupIsStillCountedAfterAnEmailWasRecorded() {
        Payment p = newPayment();
        long version = repository.find(p.paymentId()).orElseThrow().version();
        assertTrue(emails.recordEmail(p.paymentId(), new EmailRecord(clock.instant(), Kind.PAYMENT_LINK, Outcome.SENT, "tok_1", null)));

        Map<String, AttributeValue> item = item(p.paymentId());
        assertEquals(PaymentTable.STATS_DUE, item.get(PaymentTable.STATS_DUE_ATTRIBUTE).s(), "the marker of the creation stays");
        assertEquals(version, repository.find(p.paymentId()).orElseThrow().version());
        rollup.sweep();
        assertNull(item(p.paymentId()).get(PaymentTable.STATS_DUE_ATTRIBUTE),
                "the rollup's version condition still holds: counted, not a conflict");
    }

    @Test
    void aMissingPaymentIsNotRecordedAndNoItemIsMadeUp() {
        String missing = Ids.newPaymentId(clock.instant());
        assertFalse(emails.recordEmail(missing, new EmailRecord(clock.instant(), Kind.LATE_PAYMENT_REFUNDED, Outcome.SENT, "reconciliation",
                null)));
        assertTrue(item(missing).isEmpty());
        assertEquals(List.of(), emails.emailsOf(missing));
    }
}
