package com.insurepay.checkout.support;

import com.insurepay.checkout.quote.QuoteTokenCommand;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Quote-engine keys made at test time (never committed): an RSA key {@code old-rsa} and an EC key {@code new-ec}
 * both trusted through one JWKS (a rotation in progress), and an EC key {@code rogue} that is NOT trusted but
 * claims the kid {@code new-ec}. Verification is switched on.
 */
public class QuoteKeysResource implements QuarkusTestResourceLifecycleManager {

    public static final String KEYS_DIR = "test.quote-keys.dir";

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("quote-keys");
            keys(dir.resolve("old"), "RS256", "old-rsa");
            keys(dir.resolve("new"), "ES256", "new-ec");
            keys(dir.resolve("rogue"), "ES256", "new-ec");
            Path jwks = dir.resolve("trusted.jwks.json");
            Files.writeString(jwks, "{\"keys\":[" + key(dir.resolve("old")) + "," + key(dir.resolve("new")) + "]}");
            return Map.of("checkout.quotes.verification", "required",
                    "mp.jwt.verify.publickey.location", jwks.toUri().toString(),
                    KEYS_DIR, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keys(Path dir, String alg, String kid) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = QuoteTokenCommand.run(new String[] {"keys", "--dir", dir.toString(), "--alg", alg, "--kid", kid},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        if (status != 0) {
            throw new IllegalStateException("keys failed: " + err);
        }
    }

    /** The one key of a generated JWKS, as JSON. */
    private static String key(Path dir) throws IOException {
        String jwks = Files.readString(dir.resolve(QuoteTokenCommand.JWKS_FILE)).trim();
        return jwks.substring(jwks.indexOf('[') + 1, jwks.lastIndexOf(']'));
    }

    @Override
    public void stop() {
    }
}
