package com.insurepay.checkout.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.insurepay.checkout.service.CheckoutProblem;
import org.junit.jupiter.api.Test;

class CallerParamsTest {

    private static CallerParams caller(String tenant, String actor) {
        CallerParams p = new CallerParams();
        p.tenant = tenant;
        p.actor = actor;
        return p;
    }

    @Test
    void theGatewaysActorFormatIsAccepted() {
        // mcp-gateway's McpToken.actor(): the token id and its name (names may hold spaces)
        assertEquals("3f2a9c01b7de(claude-desktop)", caller("acme", "3f2a9c01b7de(claude-desktop)").actor());
        assertEquals("3f2a9c01b7de(stack local 1)", caller("acme", "3f2a9c01b7de(stack local 1)").actor());
        assertEquals("api", caller(null, null).actor());
    }

    @Test
    void controlCharactersAndOtherPunctuationAreRefused() {
        assertThrows(CheckoutProblem.class, () -> caller(null, "a\nb").actor());
        assertThrows(CheckoutProblem.class, () -> caller(null, "<script>").actor());
        assertThrows(CheckoutProblem.class, () -> caller(null, "x".repeat(129)).actor());
    }

    @Test
    void theTenantStaysStrict() {
        assertEquals("acme", caller("acme", null).tenant());
        assertThrows(CheckoutProblem.class, () -> caller("ac me", null).tenant());
        assertThrows(CheckoutProblem.class, () -> caller("acme(x)", null).tenant());
    }
}
