package com.insurepay.gateway.client;

/** checkout-service did not answer (refused connection, reset, read timeout): the request may not have arrived. */
public class CheckoutUnavailableException extends CheckoutException {

    public CheckoutUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
