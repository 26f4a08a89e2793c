package com.insurepay.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A closed-loop load: {@code threads} workers run {@code count} operations in total, each timed. */
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
        pool.awaitTermination(maxSeconds + 30, TimeUnit.SECONDS);
        long wall = System.nanoTime() - start;
        long[] measured = java.util.Arrays.copyOf(latencies, done.get());
        return new Stats(name, measured, wall, errors.get());
    }
}
