package com.insurepay.sandbox.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters as stripe-java 33.3.0 sends them: form pairs with bracketed keys
 * ({@code line_items[0][price_data][currency]=sgd}, {@code metadata[k]=v}, {@code expand[0]=x}),
 * folded into a tree. A node knows its own path, so errors name the full parameter like Stripe.
 */
public final class StripeParams {

    /** One decoded {@code key=value} pair, in the order received. */
    public record Pair(String key, String value) {
    }

    private final String path;
    private final Map<String, Object> tree;
    private final List<Pair> pairs;

    private StripeParams(String path, Map<String, Object> tree, List<Pair> pairs) {
        this.path = path;
        this.tree = tree;
        this.pairs = pairs;
    }

    public static StripeParams empty() {
        return new StripeParams("", new LinkedHashMap<>(), List.of());
    }

    /** Parses an {@code application/x-www-form-urlencoded} body or query string. */
    public static StripeParams parse(String encoded) {
        List<Pair> pairs = new ArrayList<>();
        if (encoded != null && !encoded.isBlank()) {
            for (String part : encoded.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = decode(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : decode(part.substring(eq + 1));
                pairs.add(new Pair(key, value));
            }
        }
        return fromPairs(pairs);
    }

    public static StripeParams fromPairs(List<Pair> pairs) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            insert(root, pair);
        }
        return new StripeParams("", root, List.copyOf(pairs));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StripeApiException.invalid(null, null, "Invalid request body: malformed percent-encoding");
        }
    }

    /** Splits {@code a[b][0][]} into {@code [a, b, 0, ""]}. */
    public static List<String> segments(String key) {
        List<String> out = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0) {
            out.add(key);
            return out;
        }
        out.add(key.substring(0, open));
        int i = open;
        while (i < key.length()) {
            if (key.charAt(i) != '[') {
                throw StripeApiException.invalid(null, key, "Invalid parameter name: " + key);
            }
            int close = key.indexOf(']', i);
            if (close < 0) {
                throw StripeApiException.invalid(null, key, "Invalid parameter name: " + key);
            }
            out.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, Pair pair) {
        List<String> segs = segments(pair.key());
        Map<String, Object> node = root;
        for (int i = 0; i < segs.size(); i++) {
            String seg = segs.get(i);
            if (seg.isEmpty()) {
                seg = Integer.toString(node.size()); // "expand[]" appends
            }
            boolean last = i == segs.size() - 1;
            if (last) {
                node.put(seg, pair.value());
            } else {
                Object child = node.get(seg);
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(seg, child);
                }
                node = (Map<String, Object>) child;
            }
        }
    }

    // ---- validation -------------------------------------------------------------------------

    /**
     * Rejects any parameter not matched by one of the patterns ({@code #} matches a list index,
     * {@code *} any key, as in metadata; an empty value on a prefix of a pattern means "unset" and is
     * fine), and any value its parameter's type does not allow (integer, boolean, decimal, enum).
     */
    public StripeParams allowOnly(ParamSchema schema) {
        for (Pair pair : pairs) {
            if (!schema.accepts(segments(pair.key()), pair.value().isEmpty())) {
                throw StripeApiException.parameterUnknown(pair.key());
            }
        }
        for (Pair pair : pairs) {
            schema.checkValue(pair.key(), pair.value());
        }
        return this;
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /** The folded parameters of this node (values are strings or nested maps), read-only. */
    Map<String, Object> tree() {
        return java.util.Collections.unmodifiableMap(tree);
    }

    /**
     * True when the request sent a non-empty value at this path or below it ({@code #} stands for any
     * list index), e.g. {@code sent("discounts")}, {@code sent("line_items[#][tax_rates]")}.
     */
    public boolean sent(String pattern) {
        return sentKey(pattern).isPresent();
    }

    /** The first key sent at this path or below it (see {@link #sent}). */
    public Optional<String> sentKey(String pattern) {
        List<String> want = segments(pattern);
        for (Pair pair : pairs) {
            List<String> got = segments(pair.key());
            if (pair.value().isEmpty() || got.size() < want.size()) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < want.size() && match; i++) {
                match = want.get(i).equals("#") ? got.get(i).chars().allMatch(Character::isDigit) : want.get(i).equals(got.get(i));
            }
            if (match) {
                return Optional.of(pair.key());
            }
        }
        return Optional.empty();
    }

    /** The bracket path of this node as segments ({@code [payment_intent_data]}); empty for the request. */
    List<String> pathSegments() {
        return path.isEmpty() ? List.of() : segments(path);
    }

    // ---- access --------------------------------------------------------------------------------

    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "[" + name + "]";
    }

    public boolean has(String name) {
        return tree.containsKey(name);
    }

    /** A scalar; empty strings count as absent (stripe-java's EmptyParam). */
    public Optional<String> string(String name) {
        Object v = tree.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw StripeApiException.invalid(null, pathOf(name), "Invalid string: " + pathOf(name) + " must be a string");
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public String requiredString(String name) {
        return string(name).orElseThrow(() -> StripeApiException.parameterMissing(pathOf(name)));
    }

    public Optional<Long> integer(String name) {
        return string(name)
                .map(
                        s -> {
                            try {
                                return Long.parseLong(s.trim());
                            } catch (NumberFormatException e) {
                                throw StripeApiException.invalidInteger(pathOf(name), s);
                            }
                        });
    }

    public long requiredInteger(String name) {
        return integer(name).orElseThrow(() -> StripeApiException.parameterMissing(pathOf(name)));
    }

    public Optional<Boolean> bool(String name) {
        return string(name)
                .map(
                        s -> {
                            if (s.equals("true")) {
                                return true;
                            }
                            if (s.equals("false")) {
                                return false;
                            }
                            throw StripeApiException.invalid(
                                    "parameter_invalid_boolean", pathOf(name), "Invalid boolean: " + s);
                        });
    }

    public Optional<String> oneOf(String name, List<String> allowed) {
        Optional<String> v = string(name);
        v.ifPresent(
                s -> {
                    if (!allowed.contains(s)) {
                        throw StripeApiException.invalidEnum(pathOf(name), s, allowed);
                    }
                });
        return v;
    }

    @SuppressWarnings("unchecked")
    public Optional<StripeParams> hash(String name) {
        Object v = tree.get(name);
        if (v == null || "".equals(v)) {
            return Optional.empty();
        }
        if (!(v instanceof Map)) {
            throw StripeApiException.invalid(null, pathOf(name), "Invalid object: " + pathOf(name) + " must be a hash");
        }
        return Optional.of(new StripeParams(pathOf(name), (Map<String, Object>) v, List.of()));
    }

    /** True when the key was sent with an empty value: stripe-java's way to unset a field. */
    public boolean isUnset(String name) {
        return "".equals(tree.get(name));
    }

    /** A list sent as {@code name[0][...]}, {@code name[1][...]} in index order. */
    public List<StripeParams> list(String name) {
        Optional<StripeParams> h = hash(name);
        if (h.isEmpty()) {
            return List.of();
        }
        List<StripeParams> out = new ArrayList<>();
        for (String index : h.get().sortedIndexKeys()) {
            out.add(h.get().hash(index).orElseThrow(() -> StripeApiException.invalid(null, pathOf(name), "Invalid array")));
        }
        return out;
    }

    public List<String> stringList(String name) {
        Optional<StripeParams> h = hash(name);
        if (h.isEmpty()) {
            return string(name).map(List::of).orElse(List.of());
        }
        List<String> out = new ArrayList<>();
        for (String index : h.get().sortedIndexKeys()) {
            h.get().string(index).ifPresent(out::add);
        }
        return out;
    }

    private List<String> sortedIndexKeys() {
        List<String> keys = new ArrayList<>(tree.keySet());
        for (String k : keys) {
            if (!k.chars().allMatch(Character::isDigit) || k.isEmpty()) {
                throw StripeApiException.invalid(null, path, "Invalid array: " + path);
            }
        }
        keys.sort(Comparator.comparingInt(Integer::parseInt));
        return keys;
    }

    /** Metadata with Stripe's limits: 50 keys, keys up to 40 characters, values up to 500. */
    public Map<String, String> metadata(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<StripeParams> h = hash(name);
        if (h.isEmpty()) {
            return out;
        }
        for (String key : h.get().tree.keySet()) {
            String param = h.get().pathOf(key);
            if (key.length() > 40) {
                throw StripeApiException.invalid(
                        null, param, "Metadata keys can have up to 40 characters. Your key `" + key + "` is too long.");
            }
            Object value = h.get().tree.get(key);
            if (!(value instanceof String s)) {
                throw StripeApiException.invalid(null, param, "Invalid string: metadata values must be strings");
            }
            if (s.length() > 500) {
                throw StripeApiException.invalid(null, param, "Metadata values can have up to 500 characters.");
            }
            out.put(key, s);
        }
        if (out.size() > 50) {
            throw StripeApiException.invalid(null, pathOf(name), "You can specify up to 50 keys in metadata.");
        }
        return out;
    }

    /** Applies a metadata update: an empty value deletes the key, like Stripe. */
    public static void mergeMetadata(Map<String, String> target, Map<String, String> update) {
        update.forEach(
                (k, v) -> {
                    if (v.isEmpty()) {
                        target.remove(k);
                    } else {
                        target.put(k, v);
                    }
                });
    }

    /** Parameters in a stable order, to compare the requests behind one idempotency key. */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        for (Pair p : pairs) {
            parts.add(p.key() + "=" + p.value());
        }
        parts.sort(null);
        return String.join("&", parts);
    }
}
