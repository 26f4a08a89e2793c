package com.insurepay.webhook.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a body the way Stripe does, written out independently of stripe-java so the test checks the recipe rather
 * than the library against itself: {@code t=<unix>,v1=<hex HMAC-SHA256(key = UTF-8 of "whsec_...", "t.body")>}.
 */
public final class StripeSigner {

    public static final String PRIMARY_SECRET = "whsec_test_primary_secret";
    public static final String ROTATED_SECRET = "whsec_test_rotated_secret";

    private StripeSigner() {
    }

    public static String header(String body, String secret) {
        return header(body, secret, Instant.now().getEpochSecond());
    }

    public static String header(String body, String secret, long timestamp) {
        return "t=" + timestamp + ",v1=" + hmac(timestamp + "." + body, secret);
    }

    /** Stripe signs with every active secret during a rotation: one {@code v1} per secret. */
    public static String headerForAll(String body, long timestamp, String... secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(timestamp + "." + body, secret));
        }
        return header.toString();
    }

    static String hmac(String message, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
