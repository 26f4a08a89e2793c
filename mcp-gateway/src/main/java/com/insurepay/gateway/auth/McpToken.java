package com.insurepay.gateway.auth;

import java.time.Instant;
import java.util.Set;

/**
 * An MCP access token as stored: never the secret, only its SHA-256 hash. {@code id} is the first 12 hex digits of
 * the hash, short enough to type in {@code token revoke}. A token belongs to one tenant (the insurer whose payments it
 * may touch) and may do only what its scopes allow, within its limits.
 */
public record McpToken(String id, String hash, String name, String tenant, Set<Scope> scopes, TokenLimits limits,
        Instant createdAt, Instant expiresAt, boolean revoked, Instant revokedAt) {

    public McpToken {
        scopes = Set.copyOf(scopes);
    }

    /** The identity of an open dev gateway ({@code mcp.auth.enabled=false}, refused outside dev mode). */
    public static McpToken devOpen() {
        return new McpToken("dev-open", "", "dev-open", com.insurepay.common.payment.Payment.DEFAULT_TENANT,
                java.util.EnumSet.allOf(Scope.class), new TokenLimits(java.util.Map.of(), java.util.Map.of(),
                        TokenLimits.DEFAULT_CALLS_PER_MINUTE, TokenLimits.DEFAULT_EMAILS_PER_MINUTE),
                Instant.EPOCH, Instant.MAX, false, null);
    }

    public boolean isUsableAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }

    public String statusAt(Instant now) {
        return revoked ? "revoked" : now.isBefore(expiresAt) ? "active" : "expired";
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }

    /**
     * How history entries name this token: {@code token:<id>:<name>}, e.g. {@code token:3f2a9c01b7de:claude-desktop}.
     * checkout-service accepts actors of letters, digits and {@code . _ : @ -} only (at most 128), so other characters
     * of the free-form name become {@code _} and a long name is cut; the id alone identifies the token.
     */
    public String actor() {
        String safeName = name.replaceAll("[^A-Za-z0-9._@-]", "_");
        String actor = "token:" + id + ":" + safeName;
        return actor.length() <= 128 ? actor : actor.substring(0, 128);
    }
}
