package com.insurepay.gateway;

import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import io.vertx.core.json.JsonObject;
import java.util.Map;

final class Json {

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static JsonObject structured(ToolResponse response) {
        Object s = response.structuredContent();
        if (s instanceof JsonObject j) {
            return j;
        }
        if (s instanceof Map<?, ?> m) {
            return new JsonObject((Map<String, Object>) m);
        }
        if (s instanceof String text) {
            return new JsonObject(text);
        }
        return JsonObject.mapFrom(s);
    }

    static String text(ToolResponse response) {
        return ((TextContent) response.firstContent()).text();
    }
}
