package com.insurepay.checkout.quote;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The local quote engine, for ./stack, tests and an insurer trying us out: what a real quote engine does with its
 * own key.
 *
 * <pre>
 * java -cp CLASSPATH com.insurepay.checkout.quote.QuoteTokenCommand keys --dir DIR [--alg RS256|ES256] [--kid KID]
 *     writes DIR/quote-signing.pem (PKCS#8 private key, 0600) and DIR/quote-signing.jwks.json (its public JWKS)
 * java -cp CLASSPATH com.insurepay.checkout.quote.QuoteTokenCommand sign --key PRIVATE.pem --kid KID --quote-id Q
 *     --amount 15000 --currency SGD --product "Travel Insurance" [--user-id U] [--tenant T] [--customer-email E]
 *     [--ttl PT30M] [--issuer ISS]
 *     prints the signed quote token
 * </pre>
 *
 * Every error is one line on stderr and a non-zero exit (2: wrong usage, 1: the work failed).
 */
public final class QuoteTokenCommand {

    public static final String PRIVATE_KEY_FILE = "quote-signing.pem";
    public static final String JWKS_FILE = "quote-signing.jwks.json";
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String USAGE = "usage: QuoteTokenCommand keys --dir DIR [--alg RS256|ES256] [--kid KID] | "
            + "sign --key PRIVATE.pem --kid KID --quote-id Q --amount MINOR_UNITS --currency CUR --product NAME "
            + "[--user-id U] [--tenant T] [--customer-email E] [--ttl PT30M] [--issuer ISS]";

    /** A failure to report in one line; {@code status} is the exit code. */
    public static final class Failure extends Exception {
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private QuoteTokenCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw usage("a command is required");
            }
            Map<String, String> options = options(args);
            switch (args[0]) {
                case "keys" -> keys(options, out);
                case "sign" -> out.println(sign(options));
                default -> throw usage("unknown command " + args[0]);
            }
            return 0;
        } catch (Failure f) {
            err.println(f.getMessage());
            return f.status;
        } catch (RuntimeException e) {
            err.println("quote token command failed: " + e);
            return 1;
        }
    }

    static void keys(Map<String, String> options, PrintStream out) throws Failure {
        Path dir = Path.of(required(options, "dir"));
        SignatureAlgorithm alg = algorithm(options.getOrDefault("alg", "RS256"));
        String kid = kid(options.getOrDefault("kid", "quote-" + System.currentTimeMillis() / 1000));
        allowOnly(options, "dir", "alg", "kid");
        KeyPair pair;
        try {
            KeyPairGenerator generator;
            if (alg == SignatureAlgorithm.RS256) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
            } else {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new Failure(1, "cannot generate a " + alg.getAlgorithm() + " key pair: " + e.getMessage());
        }
        String jwks;
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setKeyId(kid);
            jwk.setAlgorithm(alg.getAlgorithm());
            jwk.setUse("sig");
            jwks = new JsonWebKeySet(jwk).toJson();
        } catch (JoseException e) {
            throw new Failure(1, "cannot write the public key as a JWKS: " + e.getMessage());
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path jwksFile = dir.resolve(JWKS_FILE);
        try {
            Files.createDirectories(dir);
            if (Files.exists(privateFile) || Files.exists(jwksFile)) {
                throw new Failure(1, "refusing to overwrite the key pair in " + dir + " (delete " + PRIVATE_KEY_FILE + " and "
                        + JWKS_FILE + " first)");
            }
            writeNew(privateFile, pem);
            try {
                Files.setPosixFilePermissions(privateFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions.
            }
            writeNew(jwksFile, jwks + "\n");
        } catch (IOException e) {
            throw new Failure(1, "cannot write the key pair to " + dir + ": " + e);
        }
        out.println("kid=" + kid + " alg=" + alg.getAlgorithm() + " private=" + privateFile + " jwks=" + jwksFile);
    }

    static String sign(Map<String, String> options) throws Failure {
        Path keyFile = Path.of(required(options, "key"));
        String kid = kid(required(options, "kid"));
        String quoteId = required(options, "quote-id");
        long amount;
        try {
            amount = Long.parseLong(required(options, "amount"));
        } catch (NumberFormatException e) {
            throw usage("--amount must be an integer in minor units (15000 = SGD 150.00)");
        }
        if (amount <= 0) {
            throw usage("--amount must be positive");
        }
        String currency = required(options, "currency").toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw usage("--currency must be a three-letter ISO 4217 code such as SGD");
        }
        String product = required(options, "product");
        Duration ttl;
        try {
            ttl = Duration.parse(options.getOrDefault("ttl", "PT30M"));
        } catch (DateTimeParseException e) {
            throw usage("--ttl must be an ISO-8601 duration such as PT30M");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw usage("--ttl must be positive");
        }
        allowOnly(options, "key", "kid", "quote-id", "amount", "currency", "product", "user-id", "tenant", "customer-email",
                "ttl", "issuer");
        PrivateKey key = readPrivateKey(keyFile);
        JwtClaimsBuilder claims = Jwt.claims()
                .claim(QuoteClaims.QUOTE_ID, quoteId)
                .claim(QuoteClaims.AMOUNT, amount)
                .claim(QuoteClaims.CURRENCY, currency)
                .claim(QuoteClaims.PRODUCT_NAME, product)
                .expiresIn(ttl);
        optional(claims, QuoteClaims.USER_ID, options.get("user-id"));
        optional(claims, QuoteClaims.TENANT, options.get("tenant"));
        optional(claims, QuoteClaims.CUSTOMER_EMAIL, options.get("customer-email"));
        if (options.get("issuer") != null) {
            claims.issuer(options.get("issuer"));
        }
        try {
            return claims.jws().keyId(kid)
                    .algorithm(key instanceof ECPrivateKey ? SignatureAlgorithm.ES256 : SignatureAlgorithm.RS256)
                    .sign(key);
        } catch (RuntimeException e) {
            throw new Failure(1, "cannot sign the quote token: " + e.getMessage());
        }
    }

    /** A PKCS#8 PEM private key, RSA or EC (P-256). */
    public static PrivateKey readPrivateKey(Path file) throws Failure {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new Failure(1, "cannot read the private key " + file + ": " + e.getMessage());
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new Failure(1, file + " is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        } catch (IllegalArgumentException e) {
            throw new Failure(1, file + " is not a valid PEM file: " + e.getMessage());
        }
        for (String type : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisType) {
                // try the next type
            }
        }
        throw new Failure(1, file + " holds neither an RSA nor an EC private key");
    }

    private static void writeNew(Path file, String content) throws IOException {
        try {
            Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " already exists");
        }
    }

    private static void optional(JwtClaimsBuilder claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.claim(name, value);
        }
    }

    private static SignatureAlgorithm algorithm(String value) throws Failure {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "RS256" -> SignatureAlgorithm.RS256;
            case "ES256" -> SignatureAlgorithm.ES256;
            default -> throw usage("--alg must be RS256 or ES256");
        };
    }

    private static String kid(String value) throws Failure {
        if (!KID.matcher(value).matches()) {
            throw usage("--kid must be 1 to 64 letters, digits or . _ -");
        }
        return value;
    }

    static Map<String, String> options(String[] args) throws Failure {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || args[i].length() < 3) {
                throw usage("unexpected argument " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw usage(args[i] + " needs a value");
            }
            if (options.put(args[i].substring(2), args[i + 1]) != null) {
                throw usage(args[i] + " given twice");
            }
        }
        return options;
    }

    private static void allowOnly(Map<String, String> options, String... known) throws Failure {
        java.util.Set<String> allowed = java.util.Set.of(known);
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw usage("unknown option --" + name);
            }
        }
    }

    private static String required(Map<String, String> options, String name) throws Failure {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw usage("--" + name + " is required");
        }
        return value.trim();
    }

    private static Failure usage(String problem) {
        return new Failure(2, problem + "; " + USAGE);
    }
}
