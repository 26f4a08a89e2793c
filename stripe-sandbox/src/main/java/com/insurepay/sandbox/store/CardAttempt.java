package com.insurepay.sandbox.store;

/** What the payer typed: card number (digits only), expiry, and who they said they are. */
public record CardAttempt(String number, int expMonth, int expYear, String cvc, String email, String name) {

    public String last4() {
        return number.substring(number.length() - 4);
    }

    public String brand() {
        if (number.startsWith("4")) {
            return "visa";
        }
        if (number.startsWith("5") || number.startsWith("2")) {
            return "mastercard";
        }
        if (number.startsWith("34") || number.startsWith("37")) {
            return "amex";
        }
        return "unknown";
    }
}
