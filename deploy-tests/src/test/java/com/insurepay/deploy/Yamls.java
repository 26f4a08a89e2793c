package com.insurepay.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * YAML as Jackson trees. Parsed with SnakeYAML (the parser under jackson-dataformat-yaml) because compose files use
 * merge keys ({@code <<: *anchor}), which Jackson's YAML reader does not expand.
 */
final class Yamls {

    static final ObjectMapper JSON = new ObjectMapper();

    private Yamls() {
    }

    static Path root() {
        String configured = System.getProperty("insurepay.root");
        Path candidate = configured != null && !configured.isBlank() ? Paths.get(configured) : Paths.get("..");
        if (!Files.exists(candidate.resolve("docker-compose.yml")) && Files.exists(Paths.get("docker-compose.yml"))) {
            candidate = Paths.get(".");
        }
        return candidate.toAbsolutePath().normalize();
    }

    static JsonNode one(String text) {
        Object value = new Yaml(new LoaderOptions()).load(text);
        return value == null ? NullNode.getInstance() : JSON.valueToTree(value);
    }

    static List<JsonNode> all(String text) {
        List<JsonNode> docs = new ArrayList<>();
        for (Object value : new Yaml(new LoaderOptions()).loadAll(text)) {
            if (value != null) {
                docs.add(JSON.valueToTree(value));
            }
        }
        return docs;
    }
}
