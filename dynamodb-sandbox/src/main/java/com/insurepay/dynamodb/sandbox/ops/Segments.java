package com.insurepay.dynamodb.sandbox.ops;

/**
 * Parallel-scan segments are equal ranges of the 64-bit key hash, so a segment is a contiguous run of the stored
 * order and every item is in exactly one segment.
 */
final class Segments {

    private Segments() {
    }

    /** The segment of a hash: floor(hash * total / 2^64), with the hash read as unsigned. */
    static int of(long hash, int total) {
        return (int) (((hash >>> 20) * total) >>> 44);
    }

    /** The smallest hash in a segment. */
    static long firstHash(int segment, int total) {
        if (segment == 0) {
            return 0L;
        }
        // Smallest h20 (= hash >>> 20) with h20 * total >= segment * 2^44.
        long threshold = ((long) segment) << 44;
        long h20 = Long.divideUnsigned(threshold + total - 1, total);
        return h20 << 20;
    }
}
