package com.insurepay.sandbox.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Automation hooks take their few parameters as a form, a flat JSON object, or the query string. */
final class AutomationInput {

    private final Map<String, String> values;

    private AutomationInput(Map<String, String> values) {
        this.values = values;
    }

    static AutomationInput read(String body, String contentType, UriInfo uri, ObjectMapper mapper) {
        Map<String, String> values = new LinkedHashMap<>();
        StripeParams.parse(uri.getRequestUri().getRawQuery()).pairs().forEach(p -> values.put(p.key(), p.value()));
        if (body != null && !body.isBlank()) {
            if (contentType != null && contentType.toLowerCase().contains("json")) {
                try {
                    JsonNode json = mapper.readTree(body);
                    if (!json.isObject()) {
                        throw StripeApiException.invalid(null, null, "Expected a JSON object.");
                    }
                    json.fields().forEachRemaining(e -> {
                        JsonNode v = e.getValue();
                        if (v.isArray()) {
                            for (int i = 0; i < v.size(); i++) {
                                values.put(e.getKey() + "[" + i + "]", v.get(i).asText());
                            }
                        } else if (!v.isNull()) {
                            values.put(e.getKey(), v.asText());
                        }
                    });
                } catch (IOException e) {
                    throw StripeApiException.invalid(null, null, "Invalid JSON body: " + e.getMessage());
                }
            } else {
                StripeParams.parse(body).pairs().forEach(p -> values.put(p.key(), p.value()));
            }
        }
        return new AutomationInput(values);
    }

    Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The value, or {@code fallback} when absent; anything outside {@code allowed} → 400 like an invalid enum. */
    String oneOf(String name, String fallback, java.util.List<String> allowed) {
        String v = get(name).orElse(fallback);
        if (!allowed.contains(v)) {
            throw StripeApiException.invalidEnum(name, v, allowed);
        }
        return v;
    }

    String required(String name) {
        return get(name).orElseThrow(() -> StripeApiException.parameterMissing(name));
    }

    Optional<Long> integer(String name) {
        return get(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw StripeApiException.invalidInteger(name, v);
            }
        });
    }

    java.util.List<String> list(String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        values.forEach((k, v) -> {
            if ((k.equals(name) || k.startsWith(name + "[")) && !v.isBlank()) {
                out.add(v);
            }
        });
        return out;
    }

    void allowOnly(java.util.Set<String> names) {
        for (String key : values.keySet()) {
            String base = key.contains("[") ? key.substring(0, key.indexOf('[')) : key;
            if (!names.contains(base)) {
                throw StripeApiException.parameterUnknown(key);
            }
        }
    }
}
