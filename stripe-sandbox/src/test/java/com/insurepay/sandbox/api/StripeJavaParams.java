package com.insurepay.sandbox.api;

import com.google.gson.annotations.SerializedName;
import com.stripe.net.ApiRequestParams;
import com.stripe.param.ChargeRetrieveParams;
import com.stripe.param.DisputeRetrieveParams;
import com.stripe.param.EventListParams;
import com.stripe.param.EventRetrieveParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentLinkCreateParams;
import com.stripe.param.PaymentLinkListLineItemsParams;
import com.stripe.param.PaymentLinkRetrieveParams;
import com.stripe.param.PaymentLinkUpdateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceRetrieveParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundRetrieveParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionExpireParams;
import com.stripe.param.checkout.SessionListLineItemsParams;
import com.stripe.param.checkout.SessionListParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import com.stripe.param.common.EmptyParam;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every form parameter stripe-java 33.3.0 can send to the endpoints the sandbox serves, read by reflection from its
 * param classes: each {@code @SerializedName} field, nested param classes and lists followed down to the leaves,
 * {@code Object}-typed fields (a value or {@code EmptyParam}) resolved through their builder setters. The result is
 * the text of {@code stripe-params.txt} (see {@link ParamCatalog}).
 */
public final class StripeJavaParams {

    /** The endpoints the sandbox serves, as {@link ParamCatalog} names them, and stripe-java's params for each. */
    static final Map<String, Class<? extends ApiRequestParams>> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("POST /v1/checkout/sessions", SessionCreateParams.class);
        ENDPOINTS.put("GET /v1/checkout/sessions", SessionListParams.class);
        ENDPOINTS.put("GET /v1/checkout/sessions/{id}", SessionRetrieveParams.class);
        ENDPOINTS.put("GET /v1/checkout/sessions/{id}/line_items", SessionListLineItemsParams.class);
        ENDPOINTS.put("POST /v1/checkout/sessions/{id}/expire", SessionExpireParams.class);
        ENDPOINTS.put("POST /v1/products", ProductCreateParams.class);
        ENDPOINTS.put("GET /v1/products/{id}", ProductRetrieveParams.class);
        ENDPOINTS.put("POST /v1/prices", PriceCreateParams.class);
        ENDPOINTS.put("GET /v1/prices/{id}", PriceRetrieveParams.class);
        ENDPOINTS.put("POST /v1/payment_links", PaymentLinkCreateParams.class);
        ENDPOINTS.put("GET /v1/payment_links/{id}", PaymentLinkRetrieveParams.class);
        ENDPOINTS.put("GET /v1/payment_links/{id}/line_items", PaymentLinkListLineItemsParams.class);
        ENDPOINTS.put("POST /v1/payment_links/{id}", PaymentLinkUpdateParams.class);
        ENDPOINTS.put("GET /v1/payment_intents/{id}", PaymentIntentRetrieveParams.class);
        ENDPOINTS.put("GET /v1/charges/{id}", ChargeRetrieveParams.class);
        ENDPOINTS.put("GET /v1/disputes/{id}", DisputeRetrieveParams.class);
        ENDPOINTS.put("POST /v1/refunds", RefundCreateParams.class);
        ENDPOINTS.put("GET /v1/refunds/{id}", RefundRetrieveParams.class);
        ENDPOINTS.put("GET /v1/events/{id}", EventRetrieveParams.class);
        ENDPOINTS.put("GET /v1/events", EventListParams.class);
    }

    private StripeJavaParams() {
    }

    /** Endpoint → its parameters (pattern → type), as in the catalog. */
    public static Map<String, Map<String, String>> endpoints() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        ENDPOINTS.forEach((endpoint, params) -> out.put(endpoint, leaves(params)));
        return out;
    }

    /** A concrete form name for a pattern: the first list index, a sample map key. */
    public static String formName(String pattern) {
        return pattern.replace("[#]", "[0]").replace("[*]", "[some_key]");
    }

    /** A value that fits a type of the catalog (the first value of an enum). */
    public static String validValue(String type) {
        if (type.startsWith("enum ")) {
            return type.split(" ")[1];
        }
        return switch (type) {
            case "integer" -> "1";
            case "boolean" -> "true";
            case "decimal" -> "1.5";
            default -> "x";
        };
    }

    /** The catalog text: a header, then per endpoint its line and one sorted line per parameter. */
    static String catalogText() {
        StringBuilder out = new StringBuilder();
        out.append("# Every parameter stripe-java 33.3.0 can send to the endpoints stripe-sandbox serves.\n");
        out.append("# GENERATED from stripe-java's param classes by StripeJavaParams (src/test): do not edit by hand.\n");
        out.append("# Regenerate: ./mvnw -pl stripe-sandbox test -Dtest=ParamCatalogTest -Dsandbox.regenerate-param-catalog\n");
        out.append("# Line: name (# = list index, * = any key) and type (string, integer, boolean, decimal, enum VALUES...).\n");
        ENDPOINTS.forEach(
                (endpoint, params) -> {
                    out.append('\n').append(endpoint).append('\n');
                    leaves(params).forEach((name, type) -> out.append(name).append(' ').append(type).append('\n'));
                });
        return out.toString();
    }

    /** Parameter pattern → type, sorted by pattern. */
    static Map<String, String> leaves(Class<?> params) {
        Map<String, String> out = new TreeMap<>();
        walk(params, "", out, 0);
        return out;
    }

    private static void walk(Class<?> type, String prefix, Map<String, String> out, int depth) {
        if (depth > 12) {
            throw new IllegalStateException("param classes nest too deep at " + prefix);
        }
        for (Field field : type.getDeclaredFields()) {
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name == null || Modifier.isStatic(field.getModifiers()) || field.getName().equals("extraParams")) {
                continue; // extraParams: stripe-java's escape hatch for parameters it does not know
            }
            String key = prefix.isEmpty() ? name.value() : prefix + "[" + name.value() + "]";
            for (Type candidate : candidates(type, field)) {
                add(candidate, key, out, depth);
            }
        }
    }

    private static void add(Type type, String key, Map<String, String> out, int depth) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                add(p.getActualTypeArguments()[0], key + "[#]", out, depth);
                return;
            }
            if (Map.class.isAssignableFrom(raw)) {
                add(p.getActualTypeArguments()[1], key + "[*]", out, depth);
                return;
            }
            throw new IllegalStateException("unexpected generic type " + p + " at " + key);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == Object.class) {
            put(out, key, "string");
        } else if (c == Long.class || c == Integer.class) {
            put(out, key, "integer");
        } else if (c == Boolean.class) {
            put(out, key, "boolean");
        } else if (c == BigDecimal.class) {
            put(out, key, "decimal");
        } else if (c.isEnum() && ApiRequestParams.EnumParam.class.isAssignableFrom(c)) {
            List<String> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                String value = ((ApiRequestParams.EnumParam) constant).getValue();
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
            put(out, key, "enum " + String.join(" ", values));
        } else if (c.getName().startsWith("com.stripe.param.")) {
            walk(c, key, out, depth + 1);
        } else {
            throw new IllegalStateException("unexpected type " + c + " at " + key);
        }
    }

    /** Two setters with different value types for one name (rare): any string is then acceptable. */
    private static void put(Map<String, String> out, String key, String type) {
        out.merge(key, type, (a, b) -> a.equals(b) ? a : "string");
    }

    /**
     * A field's declared type, or for an {@code Object} or {@code EnumParam} field (a value or {@code EmptyParam} to
     * unset it) the types its builder setters take.
     */
    private static List<Type> candidates(Class<?> owner, Field field) {
        if (field.getType() != Object.class && field.getType() != ApiRequestParams.EnumParam.class) {
            return List.of(field.getGenericType());
        }
        String setter = "set" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        Class<?> builder = Arrays.stream(owner.getDeclaredClasses()).filter(c -> c.getSimpleName().equals("Builder")).findFirst()
                .orElseThrow(() -> new IllegalStateException(owner + " has no Builder"));
        List<Type> types = new ArrayList<>();
        for (Method m : builder.getDeclaredMethods()) {
            if (m.getName().equals(setter) && m.getParameterCount() == 1 && m.getParameterTypes()[0] != EmptyParam.class) {
                types.add(m.getGenericParameterTypes()[0]);
            }
        }
        return types.isEmpty() ? List.of(String.class) : types;
    }
}
