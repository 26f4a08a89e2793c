package com.insurepay.checkout.store;

import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The refund holds against dynamodb-sandbox (DynamoDB's wire protocol, through the real AWS SDK). */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
class RefundLedgerTest {

    @Inject
    RefundLedger ledger;

    @Inject
    PaymentRepository payments;

    /** A request without a key whose service died after reserving: its hold must not block the rest for ever. */
    @Test
    void abandonedHoldsOfKeylessRequestsAreReleasedAndKeyedOnesAreKept() {
        Instant now = Instant.now();
        Payment p = Payment.newPending(Ids.newPaymentId(now), null, "u", "q-" + now.toEpochMilli(), Money.of(10_000, "SGD"), "Cover",
                null, PaymentKind.CHECKOUT, null, now);
        payments.create(p, TransitionCause.api("test"));
        payments.apply(p.paymentId(), Transition.to(PaymentStatus.COMPLETED, TransitionCause.api("test")));

        assertInstanceOf(RefundLedger.Reserved.class,
                ledger.reserve(p.paymentId(), RefundLedger.GENERATED_KEY_PREFIX + "dead", 3_000, null, ledger.balance(p.paymentId()),
                        "test",
                        com.insurepay.checkout.service.CallTrace.Ids.NONE));
        assertInstanceOf(RefundLedger.Reserved.class,
                ledger.reserve(p.paymentId(), "key-retryable", 2_000, null, ledger.balance(p.paymentId()), "test",
                        com.insurepay.checkout.service.CallTrace.Ids.NONE));
        assertEquals(5_000, ledger.balance(p.paymentId()).remaining());

        assertEquals(0, ledger.releaseAbandoned(p.paymentId(), now.minusSeconds(60)), "fresh holds stay");
        assertEquals(1, ledger.releaseAbandoned(p.paymentId(), Instant.now().plusSeconds(1)), "only the keyless one goes");
        assertEquals(8_000, ledger.balance(p.paymentId()).remaining());
        assertTrue(ledger.find(p.paymentId(), RefundLedger.GENERATED_KEY_PREFIX + "dead").isEmpty());
        assertTrue(ledger.find(p.paymentId(), "key-retryable").isPresent(), "a keyed request can still be resumed by its retry");
    }
}
