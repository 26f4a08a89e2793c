package com.insurepay.sandbox.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful POST responses per (API key, Idempotency-Key), like Stripe: a retry with the
 * same parameters replays the first response; other parameters under the same key are an error.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final int CAPACITY = 20_000;

    /** The first request under a key and what it answered. */
    public record Saved(String endpoint, String canonicalParams, int status, String body, String requestId) {
    }

    private final Map<String, Object> keyLocks = new ConcurrentHashMap<>();
    private final Map<String, Saved> saved = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Saved> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Serialises requests sharing one key, so a concurrent retry cannot execute twice. */
    public Object lockFor(String scopedKey) {
        return keyLocks.computeIfAbsent(scopedKey, k -> new Object());
    }

    public synchronized Saved find(String scopedKey) {
        return saved.get(scopedKey);
    }

    public synchronized void save(String scopedKey, Saved response) {
        saved.put(scopedKey, response);
    }

    public synchronized void clear() {
        saved.clear();
        keyLocks.clear();
    }
}
