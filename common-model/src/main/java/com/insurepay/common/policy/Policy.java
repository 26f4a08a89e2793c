package com.insurepay.common.policy;

import com.insurepay.common.money.Money;
import java.time.Instant;

/** The insurance policy issued for one paid payment. {@code policyNumber} is "POL-YYYY-NNNNNN". */
public record Policy(String policyId, String policyNumber, String paymentId, String userId, String quoteId,
        String productName, long premiumAmount, String currency, String customerEmail, Instant issuedAt, String status) {

    public static final String ACTIVE = "active";

    public Money premium() {
        return new Money(premiumAmount, currency);
    }
}
