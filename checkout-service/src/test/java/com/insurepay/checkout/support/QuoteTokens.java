package com.insurepay.checkout.support;

import com.insurepay.checkout.quote.QuoteTokenCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Signs quote tokens the way the local quote engine does (QuoteTokenCommand sign), with the keys of QuoteKeysResource. */
public final class QuoteTokens {

    private final Path keysDir;

    public QuoteTokens(String keysDir) {
        this.keysDir = Path.of(keysDir);
    }

    /** @param key "old" (RS256, kid old-rsa), "new" (ES256, kid new-ec) or "rogue" (untrusted, kid new-ec) */
    public String sign(String key, String quoteId, long amount, String product, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("sign", "--key", keysDir.resolve(key).resolve(QuoteTokenCommand.PRIVATE_KEY_FILE).toString(),
                        "--kid", "old".equals(key) ? "old-rsa" : "new-ec", "--quote-id", quoteId, "--amount", Long.toString(amount),
                        "--currency", "SGD", "--product", product));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = QuoteTokenCommand.run(args.toArray(String[]::new), new PrintStream(out), new PrintStream(err));
        if (status != 0) {
            throw new IllegalStateException("sign failed: " + err);
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    public String sign(String quoteId, long amount) {
        return sign("new", quoteId, amount, "Travel Insurance - Gold");
    }

    /** A token of the trusted key "new" that expired ten minutes ago (beyond any clock skew allowance). */
    public String expired(String quoteId, long amount) throws QuoteTokenCommand.Failure {
        java.time.Instant now = java.time.Instant.now();
        return io.smallrye.jwt.build.Jwt.claims().claim("quote_id", quoteId).claim("amount", amount).claim("currency", "SGD")
                .claim("product_name", "Travel Insurance - Gold").issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(600))
                .jws().keyId("new-ec").algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                .sign(QuoteTokenCommand.readPrivateKey(keysDir.resolve("new").resolve(QuoteTokenCommand.PRIVATE_KEY_FILE)));
    }

    /** The token with its payload's JSON changed by {@code edit} and the original signature kept. */
    public static String tampered(String token, java.util.function.UnaryOperator<String> edit) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(edit.apply(payload).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + changed + "." + parts[2];
    }

    /** The token's claims, unsigned ({@code alg: none}). */
    public static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }
}
