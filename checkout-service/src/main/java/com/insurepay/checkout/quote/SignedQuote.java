package com.insurepay.checkout.quote;

import com.insurepay.common.money.Money;
import java.time.Instant;

/**
 * What the insurer's quote engine signed: the quote, its price and product, and who it was made for (each of
 * {@code userId}, {@code tenant}, {@code customerEmail} null when the token does not say).
 */
public record SignedQuote(String quoteId, Money money, String productName, Instant expiresAt, String userId, String tenant,
        String customerEmail) {
}
