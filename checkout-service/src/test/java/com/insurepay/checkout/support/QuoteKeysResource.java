package com.insurepay.checkout.support;

import com.insurepay.checkout.quote.QuoteTokenCommand;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Quote-engine keys made at test time (never committed): an RSA key {@code old-rsa} and an EC key {@code new-ec}
 * both trusted through one JWKS (a rotation in progress), and an EC key {@code rogue} that is NOT trusted but
 * claims the kid {@code new-ec}. Verification is switched on. With the init argument {@code serve=http} the JWKS is
 * served over HTTP (as an insurer's JWKS URL would be) instead of read from a file.
 */
public class QuoteKeysResource implements QuarkusTestResourceLifecycleManager {

    public static final String KEYS_DIR = "test.quote-keys.dir";
    private boolean serve;
    private HttpServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        serve = "http".equals(initArgs.get("serve"));
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("quote-keys");
            keys(dir.resolve("old"), "RS256", "old-rsa");
            keys(dir.resolve("new"), "ES256", "new-ec");
            keys(dir.resolve("rogue"), "ES256", "new-ec");
            Path jwks = dir.resolve("trusted.jwks.json");
            Files.writeString(jwks, "{\"keys\":[" + key(dir.resolve("old")) + "," + key(dir.resolve("new")) + "]}");
            String location = jwks.toUri().toString();
            if (serve) {
                byte[] body = Files.readAllBytes(jwks);
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/.well-known/jwks.json", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                location = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
            }
            return Map.of("checkout.quotes.verification", "required",
                    "mp.jwt.verify.publickey.location", location,
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
        if (server != null) {
            server.stop(0);
        }
    }
}
