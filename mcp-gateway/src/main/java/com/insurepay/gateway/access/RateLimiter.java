package com.insurepay.gateway.access;

import com.insurepay.gateway.auth.McpToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls per token per minute (fixed one-minute windows), and a lower budget for {@code send_payment_link}, which
 * sends e-mail to an address the model chose. Kept in this replica's memory: the gateway's ingress routes a token's
 * traffic to one replica (sessions are affine), so a token cannot multiply its budget in practice; the worst case
 * with N replicas is N times the limit, which the docs state.
 */
@ApplicationScoped
public class RateLimiter {

    public static final String EMAIL_TOOL = "send_payment_link";
    private static final int MAX_KEYS = 50_000;

    @Inject
    Clock clock;

    private final Map<String, AtomicInteger> windows = new ConcurrentHashMap<>();

    /** @return 0 if the call may go ahead, else the seconds to wait before the next window */
    public long admit(McpToken token, String tool) {
        long second = clock.instant().getEpochSecond();
        long minute = second / 60;
        long wait = 60 - second % 60;
        if (!take(token.id() + "|" + minute, token.limits().callsPerMinute())) {
            return wait;
        }
        if (EMAIL_TOOL.equals(tool) && !take(token.id() + "|mail|" + minute, token.limits().emailsPerMinute())) {
            return wait;
        }
        return 0;
    }

    private boolean take(String key, int limit) {
        if (windows.size() > MAX_KEYS) {
            windows.clear();
        }
        return windows.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= limit;
    }
}
