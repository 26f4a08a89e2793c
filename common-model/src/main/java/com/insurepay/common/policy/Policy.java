package com.insurepay.common.policy;

import com.insurepay.common.money.Money;
import java.time.Instant;

/**
 * The insurance policy issued for one paid payment. {@code policyNumber} is "POL-YYYY-NNNNNN"; {@code issuedBy} is
 * the actor that asked for it (an MCP token, or {@code system} when issued because the payment was paid and nobody
 * asked). Its status is not stored: it follows the payment's money ({@link com.insurepay.common.payment.PolicyStatus}).
 */
public record Policy(String policyId, String policyNumber, String paymentId, String userId, String quoteId,
        String productName, long premiumAmount, String currency, String customerEmail, Instant issuedAt, String issuedBy) {

    public Money premium() {
        return new Money(premiumAmount, currency);
    }
}
