package com.insurepay.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a presented bearer secret. A token found valid is remembered for {@code mcp.auth.cache-ttl} (default 5 s)
 * so a busy session does not read DynamoDB on every message; that is also the longest a revoked token keeps
 * working. Unknown, revoked and expired tokens are never cached.
 */
@ApplicationScoped
public class TokenValidator {

    private static final int MAX_CACHED = 10_000;

    @Inject
    McpTokenRepository tokens;

    @Inject
    Clock clock;

    @ConfigProperty(name = "mcp.auth.cache-ttl", defaultValue = "5S")
    Duration cacheTtl;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(McpToken token, Instant loadedAt) {
    }

    public Optional<McpToken> validate(String secret) {
        if (secret == null || !secret.startsWith(TokenSecrets.PREFIX)) {
            return Optional.empty();
        }
        String hash = TokenSecrets.sha256Hex(secret);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && now.isBefore(cached.loadedAt().plus(cacheTtl)) && cached.token().isUsableAt(now)) {
            return Optional.of(cached.token());
        }
        cache.remove(hash);
        Optional<McpToken> found = tokens.findByHash(hash).filter(t -> t.isUsableAt(now));
        if (found.isPresent() && !cacheTtl.isZero()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(hash, new Cached(found.get(), now));
        }
        return found;
    }

    /** Forgets every cached token (tests, and after a revoke in this same process). */
    public void forgetAll() {
        cache.clear();
    }
}
