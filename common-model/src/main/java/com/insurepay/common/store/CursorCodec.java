package com.insurepay.common.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns DynamoDB's LastEvaluatedKey (string attributes only, as all our keys are) into an opaque URL-safe cursor
 * and back. The format is "name=value" pairs joined by a unit separator, base64url without padding.
 */
public final class CursorCodec {

    private static final char PAIR = '\u001F';
    private static final char KV = '\u001E';

    private CursorCodec() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(lastEvaluatedKey).forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(PAIR);
            }
            sb.append(k).append(KV).append(v.s());
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidCursorException when the cursor is not one of ours */
    public static Map<String, AttributeValue> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (String pair : raw.split(String.valueOf(PAIR))) {
                int at = pair.indexOf(KV);
                if (at <= 0 || at == pair.length() - 1) {
                    throw new InvalidCursorException();
                }
                key.put(pair.substring(0, at), Attr.s(pair.substring(at + 1)));
            }
            if (!key.containsKey("pk") || !key.containsKey("sk")) {
                throw new InvalidCursorException();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw e instanceof InvalidCursorException ice ? ice : new InvalidCursorException();
        }
    }
}
