package com.insurepay.dynamodb.sandbox.value;

import java.util.Arrays;

/**
 * The order DynamoDB sorts key values in: strings by their UTF-8 bytes (the same as by code points), numbers
 * numerically, binaries as unsigned bytes. Only values of the same scalar type are comparable.
 */
public final class ValueOrder {

    private ValueOrder() {
    }

    /** @return null when the two values are not comparable (different types, or not S/N/B) */
    public static Integer compare(Value a, Value b) {
        if (a instanceof Value.S x && b instanceof Value.S y) {
            return compareStrings(x.value(), y.value());
        }
        if (a instanceof Value.N x && b instanceof Value.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof Value.B x && b instanceof Value.B y) {
            return Arrays.compareUnsigned(x.value(), y.value());
        }
        return null;
    }

    /** For key values known to be of the same type. */
    public static int compareKeys(Value a, Value b) {
        Integer c = compare(a, b);
        if (c == null) {
            throw new IllegalArgumentException("key values of different types: " + a.type() + ", " + b.type());
        }
        return c;
    }

    public static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
