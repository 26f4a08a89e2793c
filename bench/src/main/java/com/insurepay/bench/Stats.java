package com.insurepay.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and the rate they were produced at. */
record Stats(String name, long[] latenciesNanos, long wallNanos, int errors) {

    Stats named(String newName) {
        return new Stats(newName, latenciesNanos, wallNanos, errors);
    }

    /** Two runs of the same operation as one: samples together, wall times and errors added up. */
    Stats plus(Stats o) {
        long[] all = Arrays.copyOf(latenciesNanos, latenciesNanos.length + o.latenciesNanos.length);
        System.arraycopy(o.latenciesNanos, 0, all, latenciesNanos.length, o.latenciesNanos.length);
        return new Stats(name, all, wallNanos + o.wallNanos, errors + o.errors);
    }

    double perSecond() {
        return latenciesNanos.length / (wallNanos / 1e9);
    }

    double percentileMillis(double p) {
        long[] sorted = sortedNanos();
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    long[] sortedNanos() {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    double meanMillis() {
        return Arrays.stream(latenciesNanos).average().orElse(0) / 1e6;
    }

    String row() {
        return String.format("| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %d |", name, latenciesNanos.length, perSecond(),
                meanMillis(), percentileMillis(50), percentileMillis(90), percentileMillis(99), errors);
    }

    static String header() {
        return "| measured | operations | ops/s | mean ms | p50 ms | p90 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|---|";
    }
}
