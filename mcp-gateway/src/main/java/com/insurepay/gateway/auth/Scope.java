package com.insurepay.gateway.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token may do, like a restricted Stripe key: each tool needs one scope. The default for a new token is every
 * scope but {@link #REFUND}: giving money back must be granted on purpose.
 */
public enum Scope {
    /** check_payment_status, list_payments, get_payment_link, payment_analytics */
    READ,
    /** initiate_purchase, complete_purchase */
    PURCHASE,
    /** save_quote_for_later, send_payment_link */
    LINKS,
    /** cancel_payment */
    CANCEL,
    /** refund_payment */
    REFUND;

    public static final Set<Scope> DEFAULT = EnumSet.of(READ, PURCHASE, LINKS, CANCEL);

    private static final Map<String, Scope> BY_TOOL = Map.ofEntries(
            Map.entry("check_payment_status", READ), Map.entry("list_payments", READ), Map.entry("get_payment_link", READ),
            Map.entry("payment_analytics", READ),
            Map.entry("initiate_purchase", PURCHASE), Map.entry("complete_purchase", PURCHASE),
            Map.entry("save_quote_for_later", LINKS), Map.entry("send_payment_link", LINKS),
            Map.entry("cancel_payment", CANCEL), Map.entry("refund_payment", REFUND));

    /** The scope a tool needs; a tool not listed here needs a scope nobody has, so it is never usable by mistake. */
    public static Scope of(String tool) {
        Scope scope = BY_TOOL.get(tool);
        if (scope == null) {
            throw new IllegalArgumentException("no scope is defined for tool " + tool);
        }
        return scope;
    }

    public static boolean isKnownTool(String tool) {
        return BY_TOOL.containsKey(tool);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "read,purchase" → the scopes; an unknown name is refused naming the valid ones. */
    public static Set<Scope> parseList(String text) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                scopes.add(Scope.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown scope \"" + part.strip() + "\"; scopes are " + names(EnumSet.allOf(Scope.class)));
            }
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("--scopes needs at least one of " + names(EnumSet.allOf(Scope.class)));
        }
        return scopes;
    }

    public static String names(Set<Scope> scopes) {
        return Arrays.stream(values()).filter(scopes::contains).map(Scope::wireName)
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining(","));
    }
}
