package com.insurepay.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders k8s/overlays/local and k8s/overlays/prod with `kubectl kustomize` and checks what they promise. */
class KustomizeTest {

    static final List<String> APPS = List.of("checkout-service", "webhook-service", "pages-service", "mcp-gateway", "ops-console");
    static final Set<String> PUBLIC = Set.of("webhook-service", "pages-service", "mcp-gateway");

    static List<JsonNode> local;
    static List<JsonNode> prod;

    @BeforeAll
    static void render() throws Exception {
        String kubectl = findKubectl();
        assumeTrue(kubectl != null, "kubectl (with kustomize) is not installed: the k8s checks are skipped");
        local = kustomize(kubectl, "k8s/overlays/local");
        prod = kustomize(kubectl, "k8s/overlays/prod");
    }

    static String findKubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && Files.isExecutable(Paths.get(configured))) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Paths.get(dir, "kubectl");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return Files.isExecutable(Paths.get("/usr/bin/kubectl")) ? "/usr/bin/kubectl" : null;
    }

    static List<JsonNode> kustomize(String kubectl, String dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        Process p = new ProcessBuilder(kubectl, "kustomize", Yamls.root().resolve(dir).toString())
                .redirectErrorStream(false).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kubectl kustomize " + dir + " finished");
        assertEquals(0, p.exitValue(), "kubectl kustomize " + dir + " failed: " + err);
        List<JsonNode> docs = Yamls.all(Files.readString(out));
        Files.delete(out);
        assertFalse(docs.isEmpty(), dir + " renders something");
        return docs;
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).collect(Collectors.toList());
    }

    static JsonNode named(List<JsonNode> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(kind + "/" + name + " missing"));
    }

    static Map<String, List<JsonNode>> both() {
        return Map.of("local", local, "prod", prod);
    }

    /** Does a LabelSelector (matchLabels + In/NotIn/Exists expressions) select these labels? Empty = all. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (var it = selector.path("matchLabels").fields(); it.hasNext();) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String value = labels.get(expr.path("key").asText());
            Set<String> values = new HashSet<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> podLabels(JsonNode workload) {
        Map<String, String> labels = new HashMap<>();
        workload.path("spec").path("template").path("metadata").path("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static void assertHardened(String where, JsonNode podSpec) {
        JsonNode pod = podSpec.path("securityContext");
        assertEquals("RuntimeDefault", pod.path("seccompProfile").path("type").asText(), where + " seccomp");
        assertTrue(podSpec.has("volumes"), where + " has volumes (a writable /tmp)");
        for (JsonNode c : podSpec.path("containers")) {
            String at = where + "/" + c.path("name").asText();
            JsonNode sc = c.path("securityContext");
            assertTrue(sc.path("runAsNonRoot").asBoolean(pod.path("runAsNonRoot").asBoolean(false)), at + " runAsNonRoot");
            assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(false), at + " readOnlyRootFilesystem");
            assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), at + " allowPrivilegeEscalation false");
            assertEquals("[\"ALL\"]", sc.path("capabilities").path("drop").toString(), at + " drops ALL capabilities");
            assertTrue(c.path("volumeMounts").toString().contains("\"/tmp\""), at + " mounts a writable /tmp");
            for (String kind : List.of("requests", "limits")) {
                JsonNode r = c.path("resources").path(kind);
                assertTrue(r.has("cpu") && r.has("memory"), at + " resources." + kind + " cpu and memory");
            }
        }
    }

    @Test
    void deploymentsHaveQuarkusProbesResourcesAndALockedDownSecurityContext() {
        both().forEach((overlay, docs) -> {
            List<JsonNode> deployments = ofKind(docs, "Deployment");
            for (String app : APPS) {
                JsonNode d = named(docs, "Deployment", app);
                JsonNode c = d.path("spec").path("template").path("spec").path("containers").get(0);
                assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(),
                        overlay + "/" + app + " liveness");
                assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(),
                        overlay + "/" + app + " readiness");
                assertEquals(app, d.path("spec").path("template").path("spec").path("serviceAccountName").asText());
            }
            for (JsonNode d : deployments) {
                String where = overlay + "/" + d.path("metadata").path("name").asText();
                JsonNode spec = d.path("spec").path("template").path("spec");
                assertHardened(where, spec);
                for (JsonNode c : spec.path("containers")) {
                    assertTrue(c.has("livenessProbe") && c.has("readinessProbe"), where + " probes");
                }
            }
            for (JsonNode job : ofKind(docs, "Job")) {
                assertHardened(overlay + "/job/" + job.path("metadata").path("name").asText(),
                        job.path("spec").path("template").path("spec"));
            }
        });
    }

    @Test
    void ingressExposesOnlyWebhookPagesAndGatewayNeverCheckout() {
        both().forEach((overlay, docs) -> {
            Map<String, String> routes = new HashMap<>();
            for (JsonNode ing : ofKind(docs, "Ingress")) {
                assertFalse(ing.path("spec").has("defaultBackend"), overlay + ": no default backend");
                for (JsonNode rule : ing.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        String backend = path.path("backend").path("service").path("name").asText();
                        routes.put(rule.path("host").asText() + path.path("path").asText(), backend);
                        assertFalse(backend.equals("checkout-service"), overlay + ": checkout-service is never exposed");
                        assertTrue(PUBLIC.contains(backend) || (overlay.equals("local") && backend.equals("stripe-sandbox")),
                                overlay + ": unexpected public backend " + backend);
                        assertFalse(path.path("path").asText().startsWith("/q"), overlay + ": /q/* stays internal");
                    }
                }
            }
            assertTrue(routes.entrySet().stream().anyMatch(e -> e.getKey().endsWith("/webhook/stripe")
                    && e.getValue().equals("webhook-service")), overlay + " routes /webhook/stripe: " + routes);
            assertTrue(routes.entrySet().stream().anyMatch(e -> e.getKey().endsWith("/mcp")
                    && e.getValue().equals("mcp-gateway")), overlay + " routes /mcp");
            for (String p : List.of("/", "/success", "/cancel", "/policies", "/static")) {
                assertTrue(
                        routes.entrySet().stream().anyMatch(e -> (e.getKey().endsWith(".com" + p) || e.getKey().endsWith(".localhost" + p))
                                && e.getValue().equals("pages-service")),
                        overlay + " routes " + p + " to pages-service: " + routes);
            }
            assertTrue(ofKind(docs, "Service").stream().allMatch(s -> !"LoadBalancer".equals(s.path("spec").path("type").asText())
                    && !"NodePort".equals(s.path("spec").path("type").asText())), overlay + ": Services are ClusterIP");
        });
    }

    @Test
    void mcpGatewayHasSessionAffinity() {
        both().forEach((overlay, docs) -> {
            List<JsonNode> mcpIngresses = ofKind(docs, "Ingress").stream()
                    .filter(i -> i.path("spec").path("rules").toString().contains("\"mcp-gateway\"")).toList();
            assertEquals(1, mcpIngresses.size(), overlay + ": one Ingress for the gateway");
            JsonNode ing = mcpIngresses.get(0);
            JsonNode annotations = ing.path("metadata").path("annotations");
            String hashBy = annotations.path("nginx.ingress.kubernetes.io/upstream-hash-by").asText("");
            String affinity = annotations.path("nginx.ingress.kubernetes.io/affinity").asText("");
            assertTrue(hashBy.startsWith("$http_") || affinity.equals("cookie"), overlay + ": gateway affinity " + annotations);
            // The annotation acts on the whole Ingress: it must carry only the gateway.
            assertFalse(ing.path("spec").path("rules").toString().matches(".*\"(webhook-service|pages-service)\".*"), overlay);
            assertEquals("ClientIP", named(docs, "Service", "mcp-gateway").path("spec").path("sessionAffinity").asText(),
                    overlay + ": in-cluster affinity too");
        });
    }

    @Test
    void networkPoliciesDenyByDefaultAndOnlyTheGatewayReachesCheckout() {
        both().forEach((overlay, docs) -> {
            List<JsonNode> policies = ofKind(docs, "NetworkPolicy");
            assertTrue(policies.stream().anyMatch(p -> p.path("spec").path("podSelector").size() == 0
                    && p.path("spec").path("policyTypes").toString().contains("Ingress")
                    && p.path("spec").path("ingress").size() == 0), overlay + ": a default-deny ingress policy");
            Map<String, String> checkoutPod = podLabels(named(docs, "Deployment", "checkout-service"));
            Map<String, String> gatewayPod = podLabels(named(docs, "Deployment", "mcp-gateway"));
            int rules = 0;
            for (JsonNode p : policies) {
                if (!selects(p.path("spec").path("podSelector"), checkoutPod)
                        || p.path("metadata").path("name").asText().equals("metrics-from-monitoring")) {
                    continue;
                }
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    JsonNode from = rule.path("from");
                    assertTrue(from.isArray() && from.size() > 0, overlay + "/" + p.path("metadata").path("name").asText()
                            + ": no allow-all rule on checkout-service");
                    for (JsonNode peer : from) {
                        assertFalse(peer.has("ipBlock") || peer.has("namespaceSelector"), overlay + ": peer " + peer);
                        assertTrue(selects(peer.path("podSelector"), gatewayPod), overlay + ": peer selects the gateway");
                        // ... and nothing else that runs here.
                        for (JsonNode d : ofKind(docs, "Deployment")) {
                            String name = d.path("metadata").path("name").asText();
                            if (!name.equals("mcp-gateway")) {
                                assertFalse(selects(peer.path("podSelector"), podLabels(d)),
                                        overlay + ": " + name + " must not reach checkout-service");
                            }
                        }
                        rules++;
                    }
                }
            }
            assertTrue(rules > 0, overlay + ": a policy lets the gateway reach checkout-service");
            // Prometheus reaches every service's HTTP port (/q/metrics) from a labelled monitoring namespace, nothing else.
            JsonNode metrics = policies.stream().filter(p -> p.path("metadata").path("name").asText().equals("metrics-from-monitoring"))
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no metrics-from-monitoring policy"));
            for (String app : List.of("checkout-service", "webhook-service", "pages-service", "mcp-gateway")) {
                assertTrue(selects(metrics.path("spec").path("podSelector"), podLabels(named(docs, "Deployment", app))),
                        overlay + ": " + app);
            }
            for (JsonNode rule : metrics.path("spec").path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    assertEquals("true", peer.path("namespaceSelector").path("matchLabels").path("insurepay.io/monitoring").asText(),
                            overlay + ": only a namespace labelled insurepay.io/monitoring=true: " + peer);
                    assertFalse(peer.has("ipBlock") || peer.has("podSelector"), overlay + ": " + peer);
                }
            }
            // The public services accept the ingress controller.
            for (String app : PUBLIC) {
                Map<String, String> labels = podLabels(named(docs, "Deployment", app));
                assertTrue(policies.stream().anyMatch(p -> selects(p.path("spec").path("podSelector"), labels)
                        && p.path("spec").path("ingress").toString().contains("ingress-nginx")), overlay + ": " + app);
            }
        });
    }

    @Test
    void hpasForWebhookAndGatewayAndPdbsForEveryService() {
        both().forEach((overlay, docs) -> {
            Set<String> hpaTargets = ofKind(docs, "HorizontalPodAutoscaler").stream()
                    .map(h -> h.path("spec").path("scaleTargetRef").path("name").asText()).collect(Collectors.toSet());
            assertTrue(hpaTargets.containsAll(Set.of("webhook-service", "mcp-gateway")), overlay + " HPAs " + hpaTargets);
            for (String app : APPS) {
                Map<String, String> labels = podLabels(named(docs, "Deployment", app));
                assertTrue(ofKind(docs, "PodDisruptionBudget").stream()
                        .anyMatch(p -> selects(p.path("spec").path("selector"), labels)), overlay + ": PDB for " + app);
            }
        });
        assertTrue(named(prod, "HorizontalPodAutoscaler", "webhook-service").path("spec").path("minReplicas").asInt() >= 2);
        assertTrue(named(prod, "HorizontalPodAutoscaler", "mcp-gateway").path("spec").path("minReplicas").asInt() >= 2);
    }

    @Test
    void theConsoleIsNeverBehindAnIngressAndOnlyOperatorsNamespacesReachIt() {
        both().forEach((overlay, docs) -> {
            for (JsonNode ing : ofKind(docs, "Ingress")) {
                assertFalse(ing.toString().contains("\"ops-console\""),
                        overlay + ": no Ingress routes to the console " + ing.path("metadata"));
            }
            assertEquals("ClusterIP", named(docs, "Service", "ops-console").path("spec").path("type").asText(), overlay);
            Map<String, String> console = podLabels(named(docs, "Deployment", "ops-console"));
            for (JsonNode p : ofKind(docs, "NetworkPolicy")) {
                if (p.path("spec").path("podSelector").size() == 0 || !selects(p.path("spec").path("podSelector"), console)) {
                    continue;
                }
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        assertFalse(peer.has("ipBlock"), overlay + ": " + peer);
                        assertFalse(peer.toString().contains("ingress-nginx"),
                                overlay + ": the public ingress controller reaches the console");
                        String ns = peer.path("namespaceSelector").path("matchLabels").toString();
                        assertTrue(ns.contains("insurepay.io/operator-access") || ns.contains("insurepay.io/monitoring"),
                                overlay + ": console reachable from " + peer);
                    }
                }
            }
        });
        JsonNode prodEnv = named(prod, "Deployment", "ops-console").path("spec").path("template").path("spec").path("containers").get(0)
                .path("env");
        Set<String> oidc = new HashSet<>();
        prodEnv.forEach(e -> {
            if (e.path("valueFrom").path("secretKeyRef").path("name").asText().equals("insurepay-secrets")) {
                oidc.add(e.path("name").asText());
            }
            assertFalse(e.path("name").asText().equals("QUARKUS_PROFILE"), "prod runs the prod profile (OIDC)");
        });
        assertEquals(Set.of("OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"), oidc, "prod: OIDC from the Secret");
        String localEnv = named(local, "Deployment", "ops-console").path("spec").path("template").path("spec").path("containers").get(0)
                .path("env").toString();
        assertTrue(
                localEnv.contains("\"QUARKUS_PROFILE\"") && localEnv.contains("\"local\"") && localEnv.contains("console-local-password"),
                "local cluster: the local sign-in, its password from the Secret " + localEnv);
    }

    @Test
    void secretsAreReferencedNeverCommitted() {
        both().forEach((overlay, docs) -> {
            for (JsonNode s : ofKind(docs, "Secret")) {
                assertFalse(s.has("data") || s.has("stringData"), overlay + ": Secret with values " + s.path("metadata"));
            }
            Set<String> refs = new HashSet<>();
            for (JsonNode d : ofKind(docs, "Deployment")) {
                for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
                    for (JsonNode env : c.path("env")) {
                        String name = env.path("name").asText();
                        if (name.matches(".*(SECRET|TOKEN|PASSWORD).*") || name.equals("STRIPE_SECRET_KEY")) {
                            assertFalse(env.has("value"), overlay + ": " + name + " is a literal");
                            assertEquals("insurepay-secrets", env.path("valueFrom").path("secretKeyRef").path("name").asText(),
                                    overlay + ": " + name + " from the insurepay-secrets Secret");
                        }
                        if (env.path("valueFrom").has("secretKeyRef")) {
                            refs.add(name);
                        }
                    }
                }
            }
            assertTrue(refs.containsAll(Set.of("CHECKOUT_SERVICE_TOKEN", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET",
                    "POLICY_LINK_SECRET")), overlay + " references " + refs);
            for (JsonNode cm : ofKind(docs, "ConfigMap")) {
                cm.path("data").fields().forEachRemaining(e -> assertFalse(
                        e.getKey().matches(".*(SECRET|TOKEN|PASSWORD).*") && !e.getKey().contains("STATIC_PROVIDER"),
                        overlay + ": secret-looking key in a ConfigMap: " + e.getKey()));
            }
        });
    }

    @Test
    void localRunsATableInitJobAgainstInClusterDynamoDbSandbox() {
        JsonNode job = named(local, "Job", "table-init");
        JsonNode c = job.path("spec").path("template").path("spec").path("containers").get(0);
        String cmd = c.path("command").toString() + c.path("args");
        assertTrue(cmd.contains("com.insurepay.common.table.EnsureTableCommand"), cmd);
        assertTrue(cmd.contains("/deployments/lib/boot/*:/deployments/lib/main/*"), cmd);
        assertTrue(cmd.contains("http://dynamodb-sandbox:8000"), cmd);
        assertTrue(c.path("image").asText().contains("checkout-service"), "runs in a service image");
        String restart = job.path("spec").path("template").path("spec").path("restartPolicy").asText();
        assertTrue(restart.equals("OnFailure") || restart.equals("Never"), restart);
        JsonNode dynamo = named(local, "Deployment", "dynamodb-sandbox");
        assertEquals(8000, named(local, "Service", "dynamodb-sandbox").path("spec").path("ports").get(0).path("port").asInt());
        JsonNode container = dynamo.path("spec").path("template").path("spec").path("containers").get(0);
        assertTrue(container.path("image").asText().startsWith("insurepay/dynamodb-sandbox:"), "our own image: " + container.path("image"));
        String args = container.path("args").toString();
        assertTrue(args.contains("0.0.0.0") && args.contains("8000"), args);
        assertEquals("/_sandbox/health", container.path("readinessProbe").path("httpGet").path("path").asText());
        assertHardened("Deployment/dynamodb-sandbox", dynamo.path("spec").path("template").path("spec"));
        JsonNode cm = named(local, "ConfigMap", "insurepay-config").path("data");
        assertEquals("http://dynamodb-sandbox:8000", cm.path("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE").asText());
        assertEquals("false", cm.path("PAYMENTS_TABLE_ENSURE_ON_START").asText());
    }

    @Test
    void prodUsesRealDynamoDbThroughIrsaAndRealStripe() {
        for (String app : APPS) {
            JsonNode sa = named(prod, "ServiceAccount", app);
            assertTrue(sa.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText()
                    .matches("arn:aws:iam::\\d{12}:role/.+"), app + " IRSA role annotation");
        }
        // No endpoint override, no static credentials, anywhere in prod (ConfigMaps and container env).
        List<String> texts = new ArrayList<>();
        ofKind(prod, "ConfigMap").forEach(cm -> texts.add(cm.path("data").toString()));
        ofKind(prod, "Deployment").forEach(d -> texts.add(d.path("spec").path("template").toString()));
        ofKind(prod, "Job").forEach(d -> texts.add(d.path("spec").path("template").toString()));
        for (String t : texts) {
            assertFalse(t.contains("ENDPOINT_OVERRIDE") || t.contains("DYNAMODB_ENDPOINT"), "prod has no DynamoDB endpoint override");
            assertFalse(t.contains("CREDENTIALS_TYPE") || t.contains("STATIC_PROVIDER"), "prod uses the default credential chain");
            assertFalse(t.contains("dynamodb-sandbox") || t.contains("stripe-sandbox") || t.contains("greenmail"),
                    "no local stand-ins in prod");
        }
        JsonNode cm = named(prod, "ConfigMap", "insurepay-config").path("data");
        assertEquals("https://api.stripe.com", cm.path("STRIPE_API_BASE").asText());
        assertEquals("false", cm.path("PAYMENTS_TABLE_ENSURE_ON_START").asText());
        assertTrue(cm.path("PAGES_URL").asText().startsWith("https://"));
        for (JsonNode ing : ofKind(prod, "Ingress")) {
            assertTrue(ing.path("spec").path("tls").size() > 0, "prod Ingress " + ing.path("metadata").path("name") + " has TLS");
        }
        for (JsonNode d : ofKind(prod, "Deployment")) {
            String image = d.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText();
            assertFalse(image.endsWith(":local") || image.endsWith("-SNAPSHOT"), "prod image is a release: " + image);
        }
        assertTrue(ofKind(prod, "Namespace").stream().allMatch(n -> "restricted".equals(
                n.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText())));
    }
}
