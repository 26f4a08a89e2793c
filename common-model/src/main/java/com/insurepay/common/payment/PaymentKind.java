package com.insurepay.common.payment;

import java.util.Locale;

/** How the customer pays: a Checkout Session made now, or a Payment Link saved for later. */
public enum PaymentKind {
    CHECKOUT,
    PAYMENT_LINK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentKind parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
