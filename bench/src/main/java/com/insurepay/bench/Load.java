package com.insurepay.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A closed-loop load: {@code threads} workers run {@code count} operations in total, each timed, with progress lines. */
final class Load {

    interface Operation {
        void run(int i) throws Exception;
    }

    private Load() {
    }

    static Stats run(String name, int count, int threads, long maxSeconds, Operation op) throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        System.out.printf("  %s: %d operations, %d concurrent%n", name, count, threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        op.run(i);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println(name + ": " + e);
                        }
                    }
                    latencies[done.getAndIncrement()] = System.nanoTime() - t0;
                }
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("    %d/%d (%.0f/s, %d errors)%n", done.get(), count, done.get() / seconds, errors.get());
            if (System.nanoTime() > deadline + TimeUnit.SECONDS.toNanos(30)) {
                pool.shutdownNow();
                break;
            }
        }
        long wall = System.nanoTime() - start;
        long[] measured = java.util.Arrays.copyOf(latencies, done.get());
        Stats stats = new Stats(name, measured, wall, errors.get());
        System.out.printf("    done: %.0f/s, p50 %.1f ms, p99 %.1f ms, %d errors%n", stats.perSecond(), stats.percentileMillis(50),
                stats.percentileMillis(99), stats.errors());
        return stats;
    }
}
