package com.insurepay.dynamodb.sandbox.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.admin.SandboxStats;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DynamoDB's JSON 1.0 protocol: {@code X-Amz-Target: DynamoDB_20120810.<Operation>}, a JSON body in, a JSON body
 * out; errors as {@code {"__type": ..., "message": ...}} with status 400 (500 for our own failures).
 */
public final class ProtocolHandler {

    public static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final Logger LOG = Logger.getLogger(ProtocolHandler.class.getName());

    public record Response(int status, byte[] body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Function<JsonNode, ObjectNode>> operations = new HashMap<>();
    private final SandboxStats stats;

    public ProtocolHandler(SandboxStats stats) {
        this.stats = stats;
    }

    public ProtocolHandler operation(String name, Function<JsonNode, ObjectNode> handler) {
        operations.put(name, handler);
        return this;
    }

    public Response handle(String target, byte[] body) {
        String operation = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
        try {
            Function<JsonNode, ObjectNode> handler = operation == null ? null : operations.get(operation);
            if (handler == null) {
                stats.request("(unknown)");
                throw DynamoDbException.unknownOperation(operation == null ? "Missing or malformed X-Amz-Target header"
                        : "Unknown operation: " + operation);
            }
            stats.request(operation);
            JsonNode request = parse(body);
            return new Response(200, json.writeValueAsBytes(handler.apply(request)));
        } catch (DynamoDbException e) {
            stats.error(e.shortType());
            return error(e);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.log(Level.SEVERE, "dynamodb-sandbox failed on " + operation, e);
            DynamoDbException internal = DynamoDbException.internal("Internal server error: " + e);
            stats.error(internal.shortType());
            return error(internal);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? json.createObjectNode() : json.readTree(body);
            if (node == null || !node.isObject()) {
                throw DynamoDbException.serialization("Start of structure or map found where not expected");
            }
            return node;
        } catch (IOException e) {
            throw DynamoDbException.serialization("Could not parse the request body as JSON");
        }
    }

    private Response error(DynamoDbException e) {
        ObjectNode body = json.createObjectNode();
        e.writeTo(body);
        try {
            return new Response(e.status(), json.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
