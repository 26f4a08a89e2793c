package com.insurepay.sandbox.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters one endpoint accepts, as bracket patterns with a type: {@code line_items[#][quantity] integer} where
 * {@code #} is a list index and {@code *} any key (e.g. {@code metadata[*]}). The endpoints' schemas come from
 * {@link ParamCatalog} (every parameter of stripe-java's param classes). Unknown parameters are rejected, and values
 * are checked against their type, like Stripe does, so integration mistakes surface here rather than in production.
 */
public final class ParamSchema {

    /** A parameter: its pattern segments, type ({@code string, integer, boolean, decimal, enum}) and enum values. */
    public record Param(List<String> pattern, String type, List<String> values) {
    }

    /** Patterns by their first segment (the top-level name), to keep the look-up short for big schemas. */
    private final Map<String, List<Param>> byName = new HashMap<>();

    private ParamSchema() {
    }

    /** Untyped patterns (every value a string). */
    public static ParamSchema of(String... patterns) {
        ParamSchema schema = new ParamSchema();
        for (String p : patterns) {
            schema.add(new Param(StripeParams.segments(p), "string", List.of()));
        }
        return schema;
    }

    static ParamSchema of(List<Param> params) {
        ParamSchema schema = new ParamSchema();
        params.forEach(schema::add);
        return schema;
    }

    private void add(Param param) {
        byName.computeIfAbsent(param.pattern().get(0), k -> new ArrayList<>()).add(param);
    }

    /** Also accepts these (untyped) patterns, e.g. created[gte]. */
    public ParamSchema with(String... more) {
        for (String p : more) {
            add(new Param(StripeParams.segments(p), "string", List.of()));
        }
        return this;
    }

    boolean accepts(List<String> key, boolean emptyValue) {
        return find(key).isPresent() || emptyValue && isPrefix(key);
    }

    /** The parameter whose pattern matches this key exactly. */
    public Optional<Param> find(List<String> key) {
        for (Param param : byName.getOrDefault(key.get(0), List.of())) {
            if (param.pattern().size() == key.size() && matches(param.pattern(), key)) {
                return Optional.of(param);
            }
        }
        return Optional.empty();
    }

    /** An empty value on a prefix of a pattern means "unset" ({@code restrictions=}). */
    private boolean isPrefix(List<String> key) {
        for (Param param : byName.getOrDefault(key.get(0), List.of())) {
            if (param.pattern().size() > key.size() && matches(param.pattern(), key)) {
                return true;
            }
        }
        return false;
    }

    /** True when the last segment of this key stands at a list index ({@code #}) of some pattern. */
    boolean isListAt(List<String> key) {
        for (Param param : byName.getOrDefault(key.get(0), List.of())) {
            if (param.pattern().size() >= key.size() && param.pattern().get(key.size() - 1).equals("#")
                    && matches(param.pattern(), key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> pattern, List<String> key) {
        for (int i = 0; i < key.size(); i++) {
            String want = pattern.get(i);
            String got = key.get(i);
            boolean match = switch (want) {
                case "#" -> got.isEmpty() || got.chars().allMatch(Character::isDigit);
                case "*" -> !got.isEmpty();
                default -> want.equals(got);
            };
            if (!match) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a value its parameter's type does not allow (an empty value unsets and is always fine). */
    void checkValue(String key, String value) {
        if (value.isEmpty()) {
            return;
        }
        find(StripeParams.segments(key)).ifPresent(param -> {
            switch (param.type()) {
                case "integer" -> {
                    try {
                        Long.parseLong(value.trim());
                    } catch (NumberFormatException e) {
                        throw StripeApiException.invalidInteger(key, value);
                    }
                }
                case "boolean" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw StripeApiException.invalid("parameter_invalid_boolean", key, "Invalid boolean: " + value);
                    }
                }
                case "decimal" -> {
                    try {
                        new BigDecimal(value.trim());
                    } catch (NumberFormatException e) {
                        throw StripeApiException.invalid(null, key, "Invalid decimal: " + value);
                    }
                }
                case "enum" -> {
                    if (!param.values().contains(value)) {
                        throw StripeApiException.invalidEnum(key, value, param.values());
                    }
                }
                default -> {
                    // a string: anything goes
                }
            }
        });
    }
}
