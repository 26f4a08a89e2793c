package com.insurepay.sandbox.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's notion of "now" in Unix seconds: wall clock plus an offset that tests move forward
 * to expire sessions without waiting.
 */
@ApplicationScoped
public class SandboxClock {

    private final AtomicLong offsetSeconds = new AtomicLong();

    public long now() {
        return System.currentTimeMillis() / 1000 + offsetSeconds.get();
    }

    public long offsetSeconds() {
        return offsetSeconds.get();
    }

    public long advance(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        return offsetSeconds.addAndGet(seconds);
    }

    public void reset() {
        offsetSeconds.set(0);
    }
}
