package com.insurepay.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's signature: {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}, keyed with the UTF-8 bytes
 * of the whole {@code whsec_...} string (not base64-decoded), which is what stripe-java verifies.
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    public static String header(String payload, String secret, long timestamp) {
        return "t=" + timestamp + ",v1=" + hmacSha256Hex(secret, timestamp + "." + payload);
    }

    static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
