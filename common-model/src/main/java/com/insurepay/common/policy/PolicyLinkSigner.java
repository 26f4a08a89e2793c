package com.insurepay.common.policy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the token of a policy document link ({@code /policies/{policy_id}.pdf?token=...}):
 * {@code <expiry epoch seconds>.<hex HMAC-SHA256(key, policy_id + "." + expiry)>}. checkout-service signs,
 * pages-service verifies; both read the key from {@code policy.link-secret} (env {@code POLICY_LINK_SECRET}).
 */
public final class PolicyLinkSigner {

    public enum Verdict {
        VALID,
        EXPIRED,
        INVALID
    }

    private final byte[] key;

    public PolicyLinkSigner(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("policy.link-secret must be at least 16 characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String policyId, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return expiry + "." + hmac(policyId + "." + expiry);
    }

    public Verdict verify(String policyId, String token, Instant now) {
        if (policyId == null || token == null) {
            return Verdict.INVALID;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Verdict.INVALID;
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Verdict.INVALID;
        }
        byte[] expected = hmac(policyId + "." + expiry).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.INVALID;
        }
        return now.getEpochSecond() > expiry ? Verdict.EXPIRED : Verdict.VALID;
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
