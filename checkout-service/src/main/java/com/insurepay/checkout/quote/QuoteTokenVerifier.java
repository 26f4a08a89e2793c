package com.insurepay.checkout.quote;

import com.insurepay.common.money.Money;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.jwt.algorithm.KeyEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Checks a quote token: a JWT signed (RS256 or ES256) by the insurer's quote engine with one of the configured
 * public keys, not expired, carrying {@code quote_id}, {@code amount}, {@code currency} and {@code product_name}.
 * SmallRye JWT's parser does the cryptography and the key handling (PEM, JWKS file or URL, selection by {@code kid},
 * so several keys can be live during a rotation); it is built here from {@link QuoteSettings} rather than injected,
 * because SmallRye JWT's HTTP authentication is switched off in this service.
 */
@ApplicationScoped
@Startup
// What quarkus-smallrye-jwt registers for native images only when its (disabled) HTTP authentication is on.
@RegisterForReflection(targets = {SignatureAlgorithm.class, KeyEncryptionAlgorithm.class})
public class QuoteTokenVerifier {

    private static final Logger LOG = Logger.getLogger(QuoteTokenVerifier.class);
    static final Set<String> REQUIRED_CLAIMS = Set.of(QuoteClaims.QUOTE_ID, QuoteClaims.AMOUNT, QuoteClaims.CURRENCY,
            QuoteClaims.PRODUCT_NAME, "exp");

    private final JWTParser parser;

    public QuoteTokenVerifier(QuoteSettings settings) {
        if (settings.verification() == QuoteSettings.Verification.OFF) {
            LOG.warn("checkout.quotes.verification=off: the caller's amount, currency and product are charged as given "
                    + "(dev and tests only; production requires signed quotes)");
        }
        if (settings.publicKeyLocation().isEmpty()) {
            this.parser = null;
            if (settings.verification() == QuoteSettings.Verification.REQUIRED) {
                LOG.error("checkout.quotes.verification=required but mp.jwt.verify.publickey.location is not set: "
                        + "every purchase and saved quote will be refused until the quote engine's public key is configured");
            }
            return;
        }
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyLocation(settings.publicKeyLocation().get());
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        settings.issuer().ifPresent(info::setIssuedBy);
        // A quote has no subject: the principal name checks of MP-JWT do not apply.
        info.setRequireNamedPrincipal(false);
        info.setRequiredClaims(REQUIRED_CLAIMS);
        // The factory explicitly: no ServiceLoader lookup (native images do not carry service files nobody registered).
        this.parser = new DefaultJWTParser(info, new DefaultJWTCallerPrincipalFactory());
        LOG.infof("Quote tokens verified with the key(s) at %s (verification %s)", settings.publicKeyLocation().get(),
                settings.verification().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Why a token was refused, in words an assistant can act on. */
    public static final class InvalidQuoteToken extends Exception {
        public InvalidQuoteToken(String message) {
            super(message);
        }
    }

    /** @throws InvalidQuoteToken when it is expired, unsigned, signed with another key, malformed or incomplete */
    public SignedQuote verify(String token) throws InvalidQuoteToken {
        if (parser == null) {
            throw new InvalidQuoteToken("No quote-engine key is configured, so no quote token can be verified.");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token.trim());
        } catch (ParseException e) {
            LOG.debugf("Quote token refused: %s", rootMessage(e));
            throw new InvalidQuoteToken(expired(e) ? "The quote token has expired."
                    : "The quote token is malformed or not signed by the insurer's quote engine.");
        }
        String quoteId = string(jwt, QuoteClaims.QUOTE_ID);
        String currency = string(jwt, QuoteClaims.CURRENCY);
        String productName = string(jwt, QuoteClaims.PRODUCT_NAME);
        Object amount = jwt.getClaim(QuoteClaims.AMOUNT);
        if (quoteId == null || currency == null || productName == null || !(amount instanceof JsonNumber number)
                || !number.isIntegral()) {
            throw new InvalidQuoteToken("The quote token lacks quote_id, amount (integer minor units), currency or product_name.");
        }
        Money money;
        try {
            money = new Money(number.longValueExact(), currency.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidQuoteToken("The quote token's amount or currency is invalid: " + e.getMessage() + ".");
        }
        return new SignedQuote(quoteId, money, productName.strip(), Instant.ofEpochSecond(jwt.getExpirationTime()),
                string(jwt, QuoteClaims.USER_ID), string(jwt, QuoteClaims.TENANT), string(jwt, QuoteClaims.CUSTOMER_EMAIL));
    }

    private static String string(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString s) {
            value = s.getString();
        }
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.jose4j.jwt.consumer.InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
