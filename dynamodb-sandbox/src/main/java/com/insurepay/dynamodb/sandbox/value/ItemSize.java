package com.insurepay.dynamodb.sandbox.value;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Item and attribute sizes by DynamoDB's documented rules (they decide the 400 KB limit and capacity units). */
public final class ItemSize {

    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static int of(Map<String, Value> item) {
        if (item == null) {
            return 0;
        }
        int size = 0;
        for (Map.Entry<String, Value> e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static int of(Value value) {
        if (value instanceof Value.S s) {
            return utf8(s.value());
        } else if (value instanceof Value.N n) {
            return Numbers.size(n.value());
        } else if (value instanceof Value.B b) {
            return b.value().length;
        } else if (value instanceof Value.SS ss) {
            return ss.value().stream().mapToInt(ItemSize::utf8).sum();
        } else if (value instanceof Value.NS ns) {
            return ns.value().stream().mapToInt(Numbers::size).sum();
        } else if (value instanceof Value.BS bs) {
            return bs.value().stream().mapToInt(ByteBuffer::remaining).sum();
        } else if (value instanceof Value.L l) {
            return 3 + l.value().stream().mapToInt(v -> 1 + of(v)).sum();
        } else if (value instanceof Value.M m) {
            return 3 + m.value().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + of(e.getValue())).sum();
        }
        return 1; // BOOL, NULL

    }

    static int utf8(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
