package com.insurepay.dynamodb.sandbox.value;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An attribute value, immutable. Numbers are kept as normalised {@link BigDecimal}s (DynamoDB's decimal semantics,
 * never a double), sets keep their insertion order, maps and lists are unmodifiable.
 */
public sealed interface Value {

    ValueType type();

    record S(String value) implements Value {
        public ValueType type() {
            return ValueType.S;
        }
    }

    record N(BigDecimal value) implements Value {
        public N {
            value = Numbers.normalize(value);
        }

        public ValueType type() {
            return ValueType.N;
        }

        public String text() {
            return value.toPlainString();
        }
    }

    record B(byte[] value) implements Value {
        public ValueType type() {
            return ValueType.B;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B(" + value.length + " bytes)";
        }
    }

    record Bool(boolean value) implements Value {
        public ValueType type() {
            return ValueType.BOOL;
        }
    }

    record Null() implements Value {
        public ValueType type() {
            return ValueType.NULL;
        }
    }

    record M(Map<String, Value> value) implements Value {
        public M {
            value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
        }

        public ValueType type() {
            return ValueType.M;
        }
    }

    record L(List<Value> value) implements Value {
        public L {
            value = List.copyOf(value);
        }

        public ValueType type() {
            return ValueType.L;
        }
    }

    record SS(Set<String> value) implements Value {
        public SS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        public ValueType type() {
            return ValueType.SS;
        }
    }

    record NS(Set<BigDecimal> value) implements Value {
        public NS {
            LinkedHashSet<BigDecimal> normalized = new LinkedHashSet<>();
            value.forEach(v -> normalized.add(Numbers.normalize(v)));
            value = Collections.unmodifiableSet(normalized);
        }

        public ValueType type() {
            return ValueType.NS;
        }
    }

    record BS(Set<ByteBuffer> value) implements Value {
        public BS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        public ValueType type() {
            return ValueType.BS;
        }
    }

    Null NULL = new Null();

    static S s(String value) {
        return new S(value);
    }

    static N n(String value) {
        return new N(Numbers.parse(value));
    }

    static N n(long value) {
        return new N(BigDecimal.valueOf(value));
    }

    /** Bytes of a scalar as DynamoDB orders and hashes it (S: UTF-8, N: canonical text, B: raw). */
    static byte[] scalarBytes(Value v) {
        if (v instanceof S s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        if (v instanceof N n) {
            return n.text().getBytes(StandardCharsets.US_ASCII);
        }
        if (v instanceof B b) {
            return b.value();
        }
        throw new IllegalArgumentException("not a scalar key value: " + v.type());
    }
}
