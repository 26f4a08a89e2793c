package com.insurepay.bench;

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
 * Signs quote tokens with the stack's local quote-engine key ({@code <stack home>/quote-keys/quote-signing.pem}, ES256,
 * kid {@code stack-local}), as {@code ./stack quote} does: checkout-service requires a signed quote for every purchase.
 */
final class QuoteSigner {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final PrivateKey key;

    QuoteSigner(Path stackHome) throws Exception {
        String pem = Files.readString(stackHome.resolve("quote-keys/quote-signing.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    String sign(String quoteId, long amount, String currency, String product) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("quote_id", quoteId);
        claims.put("amount", amount);
        claims.put("currency", currency);
        claims.put("product_name", product);
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now);
        claims.put("exp", now + 1800);
        String signingInput = B64
                .encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"stack-local\"}".getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(BenchMain.JSON.writeValueAsBytes(claims));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(key);
        es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(es256.sign());
    }
}
