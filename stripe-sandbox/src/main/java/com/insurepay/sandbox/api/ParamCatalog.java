package com.insurepay.sandbox.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Stripe accepts on each endpoint the sandbox serves: {@code stripe-params.txt}, generated from stripe-java
 * 33.3.0's param classes by a test (StripeJavaParams), which also fails when the file and stripe-java disagree. Real
 * Stripe accepts every parameter of its schema, so the sandbox does too; a name outside it is {@code
 * parameter_unknown}. Loaded once, as a plain resource (no stripe-java at run time, nothing to reflect on).
 */
public final class ParamCatalog {

    public static final String RESOURCE = "stripe-params.txt";

    private static final Map<String, ParamSchema> SCHEMAS = load();

    private ParamCatalog() {
    }

    /** The schema of one endpoint, e.g. {@code "POST /v1/checkout/sessions"} or {@code "GET /v1/refunds/{id}"}. */
    public static ParamSchema schema(String endpoint) {
        ParamSchema schema = SCHEMAS.get(endpoint);
        if (schema == null) {
            throw new IllegalArgumentException("no endpoint " + endpoint + " in " + RESOURCE);
        }
        return schema;
    }

    private static Map<String, ParamSchema> load() {
        try (InputStream in = ParamCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, ParamSchema> parse(List<String> lines) {
        Map<String, List<ParamSchema.Param>> params = new LinkedHashMap<>();
        List<ParamSchema.Param> current = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.trim().split(" ");
            if (words[0].equals("GET") || words[0].equals("POST")) {
                current = params.computeIfAbsent(words[0] + " " + words[1], k -> new ArrayList<>());
            } else if (current == null || words.length < 2) {
                throw new IllegalStateException(RESOURCE + ": unexpected line " + line);
            } else {
                List<String> values = words[1].equals("enum") ? List.copyOf(Arrays.asList(words).subList(2, words.length)) : List.of();
                current.add(new ParamSchema.Param(StripeParams.segments(words[0]), words[1], values));
            }
        }
        Map<String, ParamSchema> schemas = new LinkedHashMap<>();
        params.forEach((endpoint, list) -> schemas.put(endpoint, ParamSchema.of(list)));
        return Map.copyOf(schemas);
    }
}
