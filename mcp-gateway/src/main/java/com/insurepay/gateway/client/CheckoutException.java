package com.insurepay.gateway.client;

/** Anything that went wrong talking to checkout-service; tools turn it into one sentence for the model. */
public abstract class CheckoutException extends RuntimeException {

    protected CheckoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
