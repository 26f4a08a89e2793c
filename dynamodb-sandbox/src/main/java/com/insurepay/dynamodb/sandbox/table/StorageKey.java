package com.insurepay.dynamodb.sandbox.table;

import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueOrder;

/**
 * The sort key of stored entries: first a 64-bit hash of the partition key (that is the order Scan returns items
 * in, and what splits a parallel scan into segments), then the key values in DynamoDB's order. A key with fewer
 * parts than stored ones is a bound: {@link #lowest} sorts before every entry with its prefix, {@link #highest}
 * after.
 */
public final class StorageKey implements Comparable<StorageKey> {

    private final long hash;
    private final Value[] parts;
    private final int bound;

    private StorageKey(long hash, Value[] parts, int bound) {
        this.hash = hash;
        this.parts = parts;
        this.bound = bound;
    }

    public static StorageKey of(Value... parts) {
        return new StorageKey(hash(parts[0]), parts, 0);
    }

    public static StorageKey lowest(Value... prefix) {
        return new StorageKey(hash(prefix[0]), prefix, -1);
    }

    public static StorageKey highest(Value... prefix) {
        return new StorageKey(hash(prefix[0]), prefix, 1);
    }

    /** The first possible key of a hash range (for parallel-scan segments). */
    public static StorageKey atHash(long hash) {
        return new StorageKey(hash, new Value[0], -1);
    }

    public long hash() {
        return hash;
    }

    public Value part(int i) {
        return parts[i];
    }

    /** FNV-1a over the type and bytes of the partition key value: stable across runs. */
    static long hash(Value partitionKey) {
        long h = 0xcbf29ce484222325L;
        h = (h ^ partitionKey.type().ordinal()) * 0x100000001b3L;
        for (byte b : Value.scalarBytes(partitionKey)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        // Mix the bits so that segments (ranges of the hash) receive similar shares of the keys.
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public int compareTo(StorageKey o) {
        int c = Long.compareUnsigned(hash, o.hash);
        if (c != 0) {
            return c;
        }
        int n = Math.min(parts.length, o.parts.length);
        for (int i = 0; i < n; i++) {
            Value a = parts[i];
            Value b = o.parts[i];
            if (a == null || b == null) {
                // An index key without range part: absent parts are equal to each other.
                if (a == null && b == null) {
                    continue;
                }
                return a == null ? -1 : 1;
            }
            c = ValueOrder.compareKeys(a, b);
            if (c != 0) {
                return c;
            }
        }
        if (parts.length == o.parts.length) {
            return Integer.compare(bound, o.bound);
        }
        return parts.length < o.parts.length ? (bound == 0 ? -1 : bound) : (o.bound == 0 ? 1 : -o.bound);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageKey k && compareTo(k) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash);
    }
}
