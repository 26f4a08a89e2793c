package com.insurepay.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml has no engine to run it here: check its structure instead. */
class ComposeFileTest {

    /** The four services and the sandbox: built from their module, with their architecture port. */
    static final Map<String, Integer> BUILT = Map.of(
            "stripe-sandbox", 12111, "checkout-service", 8081, "webhook-service", 8086,
            "pages-service", 8085, "mcp-gateway", 8080, "ops-console", 8087);
    /** Host ports of the architecture (docs/ARCHITECTURE "Modules and ports", mail API 8025). */
    static final Map<String, Set<Integer>> HOST_PORTS = Map.of(
            "dynamodb", Set.of(8000), "mail", Set.of(3025, 8025),
            "stripe-sandbox", Set.of(12111), "checkout-service", Set.of(8081), "webhook-service", Set.of(8086),
            "pages-service", Set.of(8085), "mcp-gateway", Set.of(8080), "ops-console", Set.of(8087));
    static final Set<String> DYNAMODB_CLIENTS = Set.of("checkout-service", "webhook-service", "pages-service", "mcp-gateway",
            "ops-console");
    static final Set<String> ONE_SHOTS = Set.of("table-init");
    /** Every published port binds to 127.0.0.1 unless COMPOSE_BIND_ADDRESS says otherwise. */
    static final Pattern PORT = Pattern.compile("^\\$\\{COMPOSE_BIND_ADDRESS:-127\\.0\\.0\\.1}:(?:\\$\\{[A-Z_]+:-(\\d+)}|(\\d+)):(\\d+)$");
    static final Pattern REAL_LOOKING_STRIPE_KEY = Pattern.compile("(sk|rk|pk)_(live|test)_[A-Za-z0-9]{16,}");
    static final Pattern WEBHOOK_SECRET_VALUE = Pattern.compile("whsec_[A-Za-z0-9]{8,}");

    static Path root;
    static String text;
    static JsonNode services;

    @BeforeAll
    static void load() throws IOException {
        root = Yamls.root();
        text = Files.readString(root.resolve("docker-compose.yml"));
        services = Yamls.one(text).path("services");
        assertTrue(services.isObject() && services.size() > 0, "docker-compose.yml has services");
    }

    @Test
    void everyPartOfTheSystemIsThere() {
        for (String name : List.of("dynamodb", "table-init", "mail", "stripe-sandbox",
                "checkout-service", "webhook-service", "pages-service", "mcp-gateway", "ops-console")) {
            assertTrue(services.has(name), "service " + name + " in docker-compose.yml");
        }
        assertTrue(services.path("mail").path("image").asText().startsWith("greenmail/standalone"));
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() {
        services.fields().forEachRemaining(e -> {
            if (ONE_SHOTS.contains(e.getKey())) {
                assertEquals("no", e.getValue().path("restart").asText("no"), e.getKey() + " is a one-shot");
                return;
            }
            JsonNode test = e.getValue().path("healthcheck").path("test");
            assertTrue(test.isArray() && test.size() >= 2, e.getKey() + " has a healthcheck test");
            assertFalse(e.getValue().path("healthcheck").path("disable").asBoolean(false), e.getKey());
        });
        // The services are checked on their readiness endpoint, on their own port.
        BUILT.forEach((name, port) -> {
            String test = services.path(name).path("healthcheck").path("test").toString();
            assertTrue(test.contains("/q/health/ready") && test.contains("/" + port), name + ": " + test);
        });
    }

    @Test
    void portsMatchTheArchitectureAndNeverClash() {
        Map<Integer, String> used = new HashMap<>();
        HOST_PORTS.forEach((name, expected) -> {
            List<Integer> hostPorts = new ArrayList<>();
            for (JsonNode p : services.path(name).path("ports")) {
                Matcher m = PORT.matcher(p.asText());
                assertTrue(m.matches(), name + ": port mapping " + p.asText()
                        + " is ${COMPOSE_BIND_ADDRESS:-127.0.0.1}:host:container: nothing is published on all interfaces by default");
                int host = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
                hostPorts.add(host);
                String before = used.put(host, name);
                if (before != null) {
                    fail("host port " + host + " used by " + before + " and " + name);
                }
                if (BUILT.containsKey(name)) {
                    assertEquals(BUILT.get(name), Integer.valueOf(m.group(3)), name + " listens on its architecture port");
                }
            }
            assertEquals(expected, Set.copyOf(hostPorts), name + " host ports");
        });
        // GreenMail's API is 8080 inside its container: it must not take the gateway's 8080 on the host.
        assertTrue(services.path("mail").path("ports").toString().contains("8025}:8080"),
                "GreenMail API mapped to host 8025: " + services.path("mail").path("ports"));
    }

    @Test
    void theConsoleSignsInLocallyWithAPasswordFromTheEnvironment() {
        JsonNode env = services.path("ops-console").path("environment");
        assertEquals("local", env.path("QUARKUS_PROFILE").asText(), "the local sign-in (production: OIDC)");
        assertTrue(env.path("CONSOLE_LOCAL_PASSWORD").asText().startsWith("${CONSOLE_LOCAL_PASSWORD:?"), "no default password");
    }

    @Test
    void everyAppDependsOnWhatItNeedsWithConditions() {
        Set<String> allowed = Set.of("service_healthy", "service_completed_successfully", "service_started");
        for (String name : List.of("table-init", "checkout-service", "webhook-service",
                "pages-service", "mcp-gateway", "ops-console")) {
            JsonNode deps = services.path(name).path("depends_on");
            assertTrue(deps.isObject() && deps.size() > 0, name + " uses the long depends_on form");
            deps.fields().forEachRemaining(d -> {
                assertTrue(services.has(d.getKey()), name + " depends on a known service " + d.getKey());
                assertTrue(allowed.contains(d.getValue().path("condition").asText()),
                        name + " -> " + d.getKey() + " has a condition");
            });
        }
        assertEquals("service_healthy",
                services.path("table-init").path("depends_on").path("dynamodb").path("condition").asText());
        for (String name : DYNAMODB_CLIENTS) {
            assertEquals("service_completed_successfully",
                    services.path(name).path("depends_on").path("table-init").path("condition").asText(),
                    name + " waits for the table");
        }
        assertEquals("service_healthy",
                services.path("mcp-gateway").path("depends_on").path("checkout-service").path("condition").asText());
        assertEquals("service_healthy",
                services.path("checkout-service").path("depends_on").path("mail").path("condition").asText());
    }

    @Test
    void dynamodbIsOurOwnSandboxBuiltFromItsModule() throws IOException {
        JsonNode dynamodb = services.path("dynamodb");
        assertTrue(dynamodb.path("image").asText().startsWith("insurepay/dynamodb-sandbox:"), dynamodb.path("image").asText());
        assertEquals("./dynamodb-sandbox", dynamodb.path("build").path("context").asText());
        assertEquals("src/main/docker/Dockerfile.jvm", dynamodb.path("build").path("dockerfile").asText());
        String command = dynamodb.path("command").toString();
        assertTrue(command.contains("0.0.0.0") && command.contains("8000"), command);
        assertTrue(dynamodb.path("healthcheck").path("test").toString().contains("/_sandbox/health"));
        assertEquals("185", dynamodb.path("user").asText(), "hardened like the services");
        String docker = Files.readString(root.resolve("dynamodb-sandbox/src/main/docker/Dockerfile.jvm"));
        assertTrue(docker.contains("EXPOSE 8000") && docker.contains("\nUSER 185"), docker);
        assertTrue(docker.contains("target/dynamodb-sandbox.jar") && docker.contains("target/lib/"), docker);
        // DynamoDB Local is not open source: it has no place in this file (nor dynamodb-admin, now that the sandbox has a page).
        assertFalse(text.contains("dynamodb-local") || text.contains("DynamoDBLocal") || text.contains("dynamodb-admin"),
                "no DynamoDB Local");
    }

    @Test
    void tableInitIsAOneShotOfEnsureTableCommandAgainstDynamoDbSandbox() {
        JsonNode init = services.path("table-init");
        String all = init.path("entrypoint").toString() + init.path("command");
        assertTrue(all.contains("com.insurepay.common.table.EnsureTableCommand"), all);
        assertTrue(all.contains("/deployments/lib/boot/*") && all.contains("/deployments/lib/main/*"), all);
        assertTrue(all.contains("http://dynamodb:8000"), all);
        for (String name : DYNAMODB_CLIENTS) {
            JsonNode env = services.path(name).path("environment");
            assertEquals("http://dynamodb:8000", env.path("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE").asText(), name);
            assertEquals("false", env.path("PAYMENTS_TABLE_ENSURE_ON_START").asText(), name);
        }
    }

    @Test
    void noSecretValuesAreCommitted() throws IOException {
        String envExample = Files.readString(root.resolve(".env.example"));
        for (String[] file : new String[][] {{"docker-compose.yml", text}, {".env.example", envExample}}) {
            assertFalse(REAL_LOOKING_STRIPE_KEY.matcher(file[1]).find(), file[0] + " holds a real-looking Stripe key");
            assertFalse(WEBHOOK_SECRET_VALUE.matcher(file[1]).find(), file[0] + " holds a webhook secret value");
        }
        Pattern secretName = Pattern.compile(".*(SECRET|TOKEN|PASSWORD|_KEY).*");
        services.fields().forEachRemaining(s -> s.getValue().path("environment").fields().forEachRemaining(e -> {
            if (!secretName.matcher(e.getKey()).matches()) {
                return;
            }
            String value = e.getValue().asText();
            boolean sandboxDummy = e.getKey().startsWith("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_")
                    && value.equals("local");
            boolean localDummy = (e.getKey().equals("AWS_ACCESS_KEY_ID") || e.getKey().equals("AWS_SECRET_ACCESS_KEY"))
                    && value.equals("local");
            assertTrue(sandboxDummy || localDummy || value.startsWith("${") || value.contains("|${"),
                    s.getKey() + "." + e.getKey() + " comes from ${VAR}, not a literal");
        }));
        // The three local secrets have no default at all: compose stops with a message when .env lacks them.
        for (String name : List.of("CHECKOUT_SERVICE_TOKEN", "POLICY_LINK_SECRET", "STRIPE_WEBHOOK_SECRET")) {
            assertTrue(text.contains("${" + name + ":?"), name + " is required (${" + name + ":?...})");
            assertFalse(text.contains("${" + name + ":-"), name + " has no default value");
            Matcher m = Pattern.compile("(?m)^" + name + "=(.*)$").matcher(envExample);
            assertTrue(m.find(), ".env.example lists " + name);
            assertEquals("", m.group(1).trim(), ".env.example leaves " + name + " empty");
        }
        Matcher key = Pattern.compile("(?m)^STRIPE_SECRET_KEY=(.*)$").matcher(envExample);
        assertTrue(key.find());
        assertEquals("", key.group(1).trim(), ".env.example leaves STRIPE_SECRET_KEY empty");
    }

    @Test
    void eachAppIsBuiltFromItsModulesDockerfileJvm() throws IOException {
        for (Map.Entry<String, Integer> e : BUILT.entrySet()) {
            JsonNode build = services.path(e.getKey()).path("build");
            assertEquals("./" + e.getKey(), build.path("context").asText(), e.getKey() + " build context");
            assertEquals("src/main/docker/Dockerfile.jvm", build.path("dockerfile").asText(), e.getKey());
            Path docker = root.resolve(e.getKey()).resolve("src/main/docker");
            String jvm = Files.readString(docker.resolve("Dockerfile.jvm"));
            String nativeFile = Files.readString(docker.resolve("Dockerfile.native"));
            for (String d : List.of(jvm, nativeFile)) {
                assertTrue(d.contains("EXPOSE " + e.getValue()), e.getKey() + " Dockerfile exposes " + e.getValue());
                assertTrue(d.contains("\nUSER 185"), e.getKey() + " Dockerfile runs as 185");
            }
            assertTrue(jvm.contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime"), e.getKey());
            assertTrue(jvm.contains("target/quarkus-app/lib/") && jvm.contains("target/quarkus-app/quarkus/"), e.getKey());
            assertTrue(nativeFile.contains("target/*-runner"), e.getKey());
        }
        // table-init runs the checkout-service image.
        assertEquals(services.path("checkout-service").path("image").asText(),
                services.path("table-init").path("image").asText());
    }
}
