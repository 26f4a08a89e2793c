package com.insurepay.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpTokenTest {

    /** What checkout-service accepts in X-Insurepay-Actor (its CallerParams). */
    static final String CHECKOUT_ACTOR = "[A-Za-z0-9._:@-]{1,128}";

    static McpToken named(String name) {
        return new McpToken("3f2a9c01b7de", "hash", name, "acme", Scope.DEFAULT,
                new TokenLimits(Map.of(), Map.of(), 60, 5), Instant.EPOCH, Instant.EPOCH.plusSeconds(60), false, null);
    }

    @Test
    void theActorNamesTheTokenInCharactersCheckoutServiceAccepts() {
        assertEquals("token:3f2a9c01b7de:claude-desktop", named("claude-desktop").actor());
        String spaced = named("Claude Desktop (work laptop)").actor();
        assertEquals("token:3f2a9c01b7de:Claude_Desktop__work_laptop_", spaced);
        assertTrue(spaced.matches(CHECKOUT_ACTOR));
        String longName = named("x".repeat(300)).actor();
        assertEquals(128, longName.length());
        assertTrue(longName.startsWith("token:3f2a9c01b7de:"));
        assertTrue(longName.matches(CHECKOUT_ACTOR));
    }
}
