package com.insurepay.checkout.quote;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How quote tokens are checked. The key location and issuer use MicroProfile JWT's standard names, so an insurer's
 * quote engine plugs in the way any MP-JWT verifier is configured; SmallRye JWT's HTTP authentication itself is off
 * ({@code quarkus.smallrye-jwt.enabled=false}): the parser is all we use.
 */
@ApplicationScoped
public class QuoteSettings {

    /** Whether the price must come from a signed quote. */
    public enum Verification {
        /** Every initiate and save-for-later needs a valid quote token; its price is the price (default, %prod). */
        REQUIRED,
        /** The caller's amount, currency and product are used as given (dev and tests only). */
        OFF
    }

    @ConfigProperty(name = "checkout.quotes.verification", defaultValue = "required")
    String verification;

    /** A PEM public key, a JWKS file (several keys: rotation) or a JWKS URL (https://, cached and refreshed). */
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    /** When set, the token's {@code iss} must be exactly this. */
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    public Verification verification() {
        return Verification.valueOf(verification.trim().toUpperCase(Locale.ROOT));
    }

    public Optional<String> publicKeyLocation() {
        return publicKeyLocation.filter(s -> !s.isBlank());
    }

    public Optional<String> issuer() {
        return issuer.filter(s -> !s.isBlank());
    }
}
