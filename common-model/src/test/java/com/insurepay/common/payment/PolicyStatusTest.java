package com.insurepay.common.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.insurepay.common.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PolicyStatusTest {

    private static Payment in(PaymentStatus status, String disputeStatus) {
        Payment p = Payment.newPending("pay_1", null, "u", "q", Money.of(15000, "SGD"), "Travel", null, PaymentKind.CHECKOUT,
                null, Instant.EPOCH);
        return new Payment(p.paymentId(), p.tenant(), p.userId(), p.quoteId(), p.amount(), p.currency(), p.productName(),
                p.customerEmail(), status, p.kind(), null, null, null, null, null, null, 0, "pol_1", "POL-2026-000001", null,
                disputeStatus == null ? null : "dp_1", disputeStatus, p.createdAt(), p.updatedAt(), null, 1);
    }

    @Test
    void coverFollowsTheMoney() {
        assertEquals(PolicyStatus.ACTIVE, in(PaymentStatus.COMPLETED, null).policyStatus());
        assertEquals(PolicyStatus.ACTIVE, in(PaymentStatus.PARTIALLY_REFUNDED, null).policyStatus(), "a partial refund keeps cover");
        assertEquals(PolicyStatus.CANCELLED, in(PaymentStatus.REFUNDED, null).policyStatus());
        assertEquals(PolicyStatus.SUSPENDED, in(PaymentStatus.DISPUTED, Payment.DISPUTE_OPEN).policyStatus());
        assertEquals(PolicyStatus.CANCELLED, in(PaymentStatus.DISPUTED, Payment.DISPUTE_LOST).policyStatus());
        assertEquals(PolicyStatus.ACTIVE, in(PaymentStatus.DISPUTED, Payment.DISPUTE_WON).policyStatus(), "a won dispute restores it");
        assertEquals("suspended", PolicyStatus.SUSPENDED.wireName());
    }
}
