package com.insurepay.checkout.stripe;

/**
 * A Stripe call that did not succeed, already classified. {@code unavailable} means Stripe could not be reached
 * or failed on its side (retry later, nothing was charged); otherwise Stripe refused the request.
 * {@code safeMessage} is what a caller may see; Stripe's own message is only logged.
 */
public class PaymentProviderException extends RuntimeException {

    private final boolean unavailable;
    private final String stripeCode;

    public PaymentProviderException(boolean unavailable, String safeMessage, String stripeCode, Throwable cause) {
        super(safeMessage, cause);
        this.unavailable = unavailable;
        this.stripeCode = stripeCode;
    }

    public boolean unavailable() {
        return unavailable;
    }

    public String stripeCode() {
        return stripeCode;
    }
}
