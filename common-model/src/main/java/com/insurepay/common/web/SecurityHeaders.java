package com.insurepay.common.web;

import java.util.Map;
import java.util.TreeMap;

/**
 * The security headers every page of ours carries besides its own Content-Security-Policy (pages-service, the
 * operators' console): no sniffing, no referrer, no framing, no opener, no powerful features.
 */
public final class SecurityHeaders {

    public static final Map<String, String> COMMON = new TreeMap<>(Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"));

    /** For responses with personal data: kept in no shared or back/forward cache. */
    public static final Map<String, String> NO_STORE = new TreeMap<>(Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));

    private SecurityHeaders() {
    }
}
