package com.insurepay.gateway.auth;

import java.time.Instant;

/**
 * An MCP access token as stored: never the secret, only its SHA-256 hash. {@code id} is the first 12 hex digits of
 * the hash, short enough to type in {@code token revoke}.
 */
public record McpToken(String id, String hash, String name, Instant createdAt, Instant expiresAt, boolean revoked,
        Instant revokedAt) {

    public boolean isUsableAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }

    public String statusAt(Instant now) {
        return revoked ? "revoked" : now.isBefore(expiresAt) ? "active" : "expired";
    }
}
