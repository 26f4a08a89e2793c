package com.insurepay.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The insurer's quote engine, as the suite plays it: signs quote tokens (ES256 JWT) with the stack's local
 * quote-engine key ({@code ./stack up} writes it to {@code <STACK_HOME>/quote-keys}; checkout-service trusts its
 * JWKS and requires signed quotes). In-process, so a storm of 200 purchases does not start 200 JVMs of
 * {@code ./stack quote}; {@code QuoteSignerIT} checks both sign alike.
 */
final class QuoteSigner {

    static final String KID = "stack-local";
    private static PrivateKey key;

    private QuoteSigner() {
    }

    static String sign(String quoteId, long amount, String currency, String product) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("quote_id", quoteId);
        claims.put("amount", amount);
        claims.put("currency", currency);
        claims.put("product_name", product);
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now);
        claims.put("exp", now + 1800);
        try {
            String header = b64(Stack.JSON.writeValueAsBytes(Map.of("alg", "ES256", "kid", KID, "typ", "JWT")));
            String payload = b64(Stack.JSON.writeValueAsBytes(claims));
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format"); // JOSE's R||S form
            es256.initSign(privateKey());
            es256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64(es256.sign());
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a quote token", e);
        }
    }

    private static synchronized PrivateKey privateKey() throws Exception {
        if (key == null) {
            String pem = Files.readString(Stack.HOME.resolve("quote-keys/quote-signing.pem"));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }
        return key;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
