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
 * working. A secret found unknown (or revoked, or expired) is remembered as such for {@code mcp.auth.negative-ttl}
 * (default 1 minute): someone trying secrets costs at most one storage read per secret per minute.
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

    @ConfigProperty(name = "mcp.auth.negative-ttl", defaultValue = "60S")
    Duration negativeTtl;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Instant> unknown = new ConcurrentHashMap<>();

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
        Instant refusedUntil = unknown.get(hash);
        if (refusedUntil != null && now.isBefore(refusedUntil)) {
            return Optional.empty();
        }
        unknown.remove(hash);
        Optional<McpToken> found = tokens.findByHash(hash).filter(t -> t.isUsableAt(now));
        if (found.isPresent()) {
            if (!cacheTtl.isZero()) {
                bounded(cache).put(hash, new Cached(found.get(), now));
            }
        } else if (!negativeTtl.isZero()) {
            bounded(unknown).put(hash, now.plus(negativeTtl));
        }
        return found;
    }

    private static <V> Map<String, V> bounded(Map<String, V> map) {
        if (map.size() >= MAX_CACHED) {
            map.clear();
        }
        return map;
    }
}
