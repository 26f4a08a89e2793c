package com.insurepay.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The insurer's quote engine as the acceptance suite and the benchmark play it: signs quote tokens (ES256 JWT) with
 * a stack's local quote-engine key ({@code ./stack up} writes it to {@code <STACK_HOME>/quote-keys}; checkout-service
 * trusts its JWKS and requires signed quotes), in-process rather than one {@code ./stack quote} JVM per token.
 */
public final class LocalQuoteEngine {

    public static final String KID = "stack-local";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    public LocalQuoteEngine(Path stackHome) {
        try {
            String pem = Files.readString(stackHome.resolve("quote-keys/quote-signing.pem"));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("no usable quote-engine key under " + stackHome + "/quote-keys", e);
        }
    }

    /** A quote token valid 30 minutes for this price. */
    public String sign(String quoteId, long amount, String currency, String product) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("quote_id", quoteId);
        claims.put("amount", amount);
        claims.put("currency", currency);
        claims.put("product_name", product);
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now);
        claims.put("exp", now + 1800);
        try {
            String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "ES256", "kid", KID, "typ", "JWT")));
            String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format"); // JOSE's R||S form
            es256.initSign(key);
            es256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(es256.sign());
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a quote token", e);
        }
    }
}
