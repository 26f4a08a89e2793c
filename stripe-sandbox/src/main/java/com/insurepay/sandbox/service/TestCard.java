package com.insurepay.sandbox.service;

import java.util.Arrays;
import java.util.Optional;

/** Stripe's test cards that the sandbox understands, with Stripe's codes and messages. */
public enum TestCard {
    VISA_SUCCESS("4242424242424242", Behaviour.SUCCEED, null, null, null),
    VISA_DEBIT_SUCCESS("4000056655665556", Behaviour.SUCCEED, null, null, null),
    MASTERCARD_SUCCESS("5555555555554444", Behaviour.SUCCEED, null, null, null),
    GENERIC_DECLINE("4000000000000002", Behaviour.DECLINE, "card_declined", "generic_decline", "Your card was declined."),
    INSUFFICIENT_FUNDS("4000000000009995", Behaviour.DECLINE, "card_declined", "insufficient_funds", "Your card has insufficient funds."),
    EXPIRED_CARD("4000000000000069", Behaviour.DECLINE, "expired_card", "expired_card", "Your card has expired."),
    INCORRECT_CVC("4000000000000127", Behaviour.DECLINE, "incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."),
    REQUIRES_AUTHENTICATION("4000002500003155", Behaviour.AUTHENTICATE, null, null, null);

    public enum Behaviour {
        SUCCEED,
        DECLINE,
        AUTHENTICATE
    }

    /** A valid card number that is not a test card: Stripe declines it in test mode. */
    public static final String LIVE_CARD_CODE = "card_declined";
    public static final String LIVE_CARD_DECLINE = "test_mode_live_card";
    public static final String LIVE_CARD_MESSAGE = "Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.";

    private final String number;
    private final Behaviour behaviour;
    private final String code;
    private final String declineCode;
    private final String message;

    TestCard(String number, Behaviour behaviour, String code, String declineCode, String message) {
        this.number = number;
        this.behaviour = behaviour;
        this.code = code;
        this.declineCode = declineCode;
        this.message = message;
    }

    public static Optional<TestCard> of(String digits) {
        return Arrays.stream(values()).filter(c -> c.number.equals(digits)).findFirst();
    }

    public String number() {
        return number;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public String code() {
        return code;
    }

    public String declineCode() {
        return declineCode;
    }

    public String message() {
        return message;
    }

    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
