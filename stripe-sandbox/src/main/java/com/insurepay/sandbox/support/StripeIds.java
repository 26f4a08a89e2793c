package com.insurepay.sandbox.support;

import java.security.SecureRandom;

/** Ids with Stripe's prefixes and its alphabet, unguessable like Stripe's. */
public final class StripeIds {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StripeIds() {
    }

    public static String newId(String prefix) {
        // Checkout Session ids are long on Stripe; everything else is about 24 characters.
        return prefix + random(prefix.startsWith("cs_") ? 58 : 24);
    }

    public static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
