package com.insurepay.checkout.quote;

import static org.junit.jupiter.api.Assertions.*;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local quote engine's CLI: key pairs, signed quotes, and one plain line on stderr for every error. */
class QuoteTokenCommandTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = QuoteTokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assertOneLineError(Run run, int status, String mentions) {
        assertEquals(status, run.status(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().endsWith("\n") && run.err().indexOf('\n') == run.err().length() - 1, "one line: " + run.err());
        assertTrue(run.err().contains(mentions), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void keysWritesAPrivatePemAndAPublicJwksWhoseTokensVerify(String alg) throws Exception {
        Run keys = run("keys", "--dir", dir.toString(), "--alg", alg, "--kid", "k-2026");
        assertEquals(0, keys.status(), keys.err());
        assertTrue(keys.out().contains("kid=k-2026"), keys.out());
        Path pem = dir.resolve(QuoteTokenCommand.PRIVATE_KEY_FILE);
        Path jwks = dir.resolve(QuoteTokenCommand.JWKS_FILE);
        assertTrue(Files.readString(pem).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(pem));
        String published = Files.readString(jwks);
        assertTrue(published.contains("\"kid\":\"k-2026\"") && published.contains("\"alg\":\"" + alg + "\""), published);
        assertFalse(published.contains("\"d\""), "no private part in the JWKS");

        Run sign = run("sign", "--key", pem.toString(), "--kid", "k-2026", "--quote-id", "quote-7", "--amount", "15000",
                "--currency", "sgd", "--product", "Travel Insurance", "--user-id", "user-42", "--tenant", "acme",
                "--customer-email", "alice@example.com", "--ttl", "PT10M");
        assertEquals(0, sign.status(), sign.err());
        String token = sign.out().trim();
        assertEquals(3, token.split("\\.").length);

        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyLocation(jwks.toUri().toString());
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        info.setRequireNamedPrincipal(false);
        JsonWebToken jwt = new DefaultJWTParser(info).parse(token);
        assertEquals("quote-7", jwt.getClaim("quote_id").toString().replace("\"", ""));
        assertEquals(15000L, Long.parseLong(jwt.getClaim("amount").toString()));
        assertEquals("SGD", jwt.getClaim("currency").toString().replace("\"", ""));
        assertEquals("acme", jwt.getClaim("tenant").toString().replace("\"", ""));
        long ttl = jwt.getExpirationTime() - jwt.getIssuedAtTime();
        assertEquals(600, ttl);
    }

    @Test
    void keysRefusesToOverwriteAKeyPair() {
        assertEquals(0, run("keys", "--dir", dir.toString()).status());
        assertOneLineError(run("keys", "--dir", dir.toString()), 1, "refusing to overwrite");
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        assertOneLineError(run(), 2, "a command is required");
        assertOneLineError(run("mint"), 2, "unknown command mint");
        assertOneLineError(run("keys"), 2, "--dir is required");
        assertOneLineError(run("keys", "--dir", dir.toString(), "--alg", "HS256"), 2, "--alg must be RS256 or ES256");
        assertOneLineError(run("keys", "--dir"), 2, "--dir needs a value");
        assertOneLineError(run("sign", "--key", "k.pem", "--kid", "k", "--quote-id", "q", "--amount", "lots",
                "--currency", "SGD", "--product", "P"), 2, "--amount must be an integer");
        assertOneLineError(run("sign", "--key", "k.pem", "--kid", "k", "--quote-id", "q", "--amount", "100",
                "--currency", "SGD", "--product", "P", "--ttl", "soon"), 2, "--ttl must be an ISO-8601 duration");
        assertOneLineError(run("sign", "--key", "k.pem", "--kid", "k", "--amount", "100", "--currency", "SGD",
                "--product", "P"), 2, "--quote-id is required");
        assertOneLineError(run("sign", "--key", "k.pem", "--kid", "k", "--quote-id", "q", "--amount", "100",
                "--currency", "SGD", "--product", "P", "--colour", "red"), 2, "unknown option --colour");
    }

    @Test
    void aMissingOrForeignKeyFileIsOneLineAndExitOne() throws Exception {
        assertOneLineError(run("sign", "--key", dir.resolve("absent.pem").toString(), "--kid", "k", "--quote-id", "q",
                "--amount", "100", "--currency", "SGD", "--product", "P"), 1, "cannot read the private key");
        Path notPem = Files.writeString(dir.resolve("public.jwks.json"), "{\"keys\":[]}");
        assertOneLineError(run("sign", "--key", notPem.toString(), "--kid", "k", "--quote-id", "q", "--amount", "100",
                "--currency", "SGD", "--product", "P"), 1, "is not a PKCS#8 PEM private key");
    }
}
