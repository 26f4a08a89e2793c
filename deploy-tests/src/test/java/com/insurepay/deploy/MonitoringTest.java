package com.insurepay.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules in ops/monitoring: their structure, that every metric their
 * queries name is one the services export (derived from the Micrometer meters in the services' main sources, so a
 * renamed metric fails the build), and that docker compose and both k8s overlays use these very files.
 */
class MonitoringTest {

    static final String DIR = "ops/monitoring";
    static final String DASHBOARD = DIR + "/grafana/insurepay-dashboard.json";
    static final String RULES = DIR + "/prometheus/insurepay-alerts.yml";
    static final String SCRAPE = DIR + "/prometheus/prometheus.yml";
    /** Modules whose meters reach /q/metrics of the four services (common-model's are registered by them). */
    static final List<String> SOURCES = List.of("checkout-service", "webhook-service", "pages-service", "mcp-gateway", "common-model");
    /** Series Prometheus makes itself. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");
    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    static final Pattern DURATION = Pattern.compile("^(\\d+(ms|s|m|h|d|w|y))+$");

    static Path root;
    static JsonNode dashboard;
    static JsonNode rules;
    static Set<String> exported;

    @BeforeAll
    static void load() throws IOException {
        root = Yamls.root();
        dashboard = Yamls.JSON.readTree(Files.readString(root.resolve(DASHBOARD)));
        rules = Yamls.one(Files.readString(root.resolve(RULES)));
        exported = exportedMetricNames(root);
    }

    // --- what the services export ---

    /**
     * Prometheus names of the meters registered in the services' main sources: {@code Counter/Timer/Gauge/
     * DistributionSummary.builder(NAME)} (with its {@code baseUnit}, and {@code _bucket} only when it publishes a
     * histogram) and {@code registry.counter/timer/gauge/summary(NAME, ...)}, NAME a literal or a String constant of
     * the same file. Micrometer's Prometheus convention: dots become underscores, counters end in {@code _total},
     * timers in {@code _seconds_count/_sum/_max(/_bucket)}, a base unit is appended.
     */
    static Set<String> exportedMetricNames(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern constant = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]+)\"\\s*;");
        Pattern builder = Pattern
                .compile("\\b(Counter|Timer|Gauge|DistributionSummary|FunctionCounter)\\.builder\\(\\s*(?:\"([^\"]+)\"|(\\w+))");
        Pattern shortcut = Pattern.compile("\\.(counter|timer|gauge|summary)\\(\\s*(?:\"([^\"]+)\"|([A-Z][A-Z0-9_]*))\\s*[,)]");
        Pattern baseUnit = Pattern.compile("\\.baseUnit\\(\\s*\"([^\"]+)\"\\s*\\)");
        for (String module : SOURCES) {
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(src)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path file : files) {
                String java = Files.readString(file);
                Map<String, String> constants = new HashMap<>();
                Matcher c = constant.matcher(java);
                while (c.find()) {
                    constants.put(c.group(1), c.group(2));
                }
                Matcher b = builder.matcher(java);
                while (b.find()) {
                    String name = b.group(2) != null ? b.group(2) : constants.get(b.group(3));
                    if (name == null) {
                        continue;
                    }
                    int end = java.indexOf(".register(", b.end());
                    String chain = end < 0 ? "" : java.substring(b.end(), end);
                    Matcher unit = baseUnit.matcher(chain);
                    String kind = switch (b.group(1)) {
                        case "Counter", "FunctionCounter" -> "counter";
                        case "Timer" -> "timer";
                        case "Gauge" -> "gauge";
                        default -> "summary";
                    };
                    names.addAll(prometheusNames(name, kind, unit.find() ? unit.group(1) : null,
                            chain.contains("publishPercentileHistogram") || chain.contains("serviceLevelObjectives")));
                }
                Matcher s = shortcut.matcher(java);
                while (s.find()) {
                    String name = s.group(2) != null ? s.group(2) : constants.get(s.group(3));
                    if (name != null && name.contains(".")) {
                        names.addAll(prometheusNames(name, s.group(1), null, false));
                    }
                }
            }
        }
        return names;
    }

    static List<String> prometheusNames(String meter, String kind, String unit, boolean histogram) {
        String base = meter.replace('.', '_').replace('-', '_');
        return switch (kind) {
            case "counter" -> List.of(base + (unit == null ? "" : "_" + unit) + "_total");
            case "gauge" -> List.of(base + (unit == null ? "" : "_" + unit));
            case "timer" -> withStatistics(base + "_seconds", histogram);
            default -> withStatistics(base + (unit == null ? "" : "_" + unit), histogram);
        };
    }

    private static List<String> withStatistics(String base, boolean histogram) {
        List<String> names = new ArrayList<>(List.of(base + "_count", base + "_sum", base + "_max"));
        if (histogram) {
            names.add(base + "_bucket");
        }
        return names;
    }

    @Test
    void theScannerFindsTheMetricsWeKnowTheServicesExport() {
        // Guards the derivation itself: if it found nothing, every expression check below would be meaningless.
        for (String name : List.of("webhook_deliveries_total", "webhook_processing_seconds_bucket", "webhook_mismatches_total",
                "insurepay_payment_transitions_total", "insurepay_payments_received_amount_total", "insurepay_refunds_total",
                "checkout_reconciliation_backlog", "checkout_reconciliation_last_run_seconds", "checkout_mail_failures_total",
                "checkout_policy_issuance_lag_seconds_bucket", "checkout_paid_after_close_held", "insurepay_pages_views_total")) {
            assertTrue(exported.contains(name), name + " derived from the sources: " + exported);
        }
        assertFalse(exported.contains("checkout_reconciliation_backlog_total"), "a gauge has no _total");
        assertEquals(List.of("a_b_total"), prometheusNames("a.b", "counter", null, false));
        assertEquals(List.of("a_b_seconds"), prometheusNames("a.b", "gauge", "seconds", false));
        assertTrue(prometheusNames("a.b", "timer", null, true).contains("a_b_seconds_bucket"));
        assertFalse(prometheusNames("a.b", "timer", null, false).contains("a_b_seconds_bucket"), "buckets only with a histogram");
    }

    // --- PromQL: the metric names of an expression ---

    static final Set<String> PROMQL_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "offset", "and", "or", "unless", "inf", "nan");

    /** The series names an expression selects: identifiers that are not functions, keywords, labels or durations. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // label values
                .replaceAll("\\{[^}]*}", "{}") // label matchers
                .replaceAll("\\[[^]]*]", "[]") // ranges ($__rate_interval, 5m)
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // grouping labels
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(s);
        while (m.find()) {
            String token = m.group(1);
            if (m.group(2) == null && !PROMQL_KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    @Test
    void thePromQlNameExtractionIgnoresFunctionsLabelsAndRanges() {
        assertEquals(Set.of("webhook_processing_seconds_bucket"), metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(webhook_processing_seconds_bucket{outcome=\"applied\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_total", "b"), metricNames("sum(rate(a_total[5m])) / clamp_min(max without (pod) (b), 1e-9) > 0.05"));
        assertEquals(Set.of("checkout_reconciliation_last_run_seconds"),
                metricNames("time() - max(checkout_reconciliation_last_run_seconds) > 1800"));
    }

    // --- the dashboard ---

    static List<JsonNode> dashboardPanels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if ("row".equals(p.path("type").asText())) {
                p.path("panels").forEach(panels::add);
            } else {
                panels.add(p);
            }
        }
        return panels;
    }

    @Test
    void everyPanelHasATitleAPrometheusDataSourceAndQueries() {
        assertFalse(dashboard.path("uid").asText().isBlank(), "a stable uid");
        assertFalse(dashboard.path("title").asText().isBlank());
        JsonNode variable = null;
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if ("datasource".equals(v.path("type").asText())) {
                variable = v;
            }
        }
        assertNotNull(variable, "a data source variable, so any provisioned Prometheus can be chosen");
        assertEquals("prometheus", variable.path("query").asText());
        String dsRef = "${" + variable.path("name").asText() + "}";
        List<JsonNode> panels = dashboardPanels();
        assertTrue(panels.size() >= 10, "panels: " + panels.size());
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : dashboard.path("panels")) {
            assertTrue(ids.add(p.path("id").asInt()), "unique panel id " + p.path("id"));
            assertTrue(p.path("gridPos").has("w") && p.path("gridPos").has("h"), "gridPos of " + p.path("title"));
        }
        for (JsonNode p : panels) {
            String title = p.path("title").asText();
            assertFalse(title.isBlank(), "panel " + p.path("id") + " has a title");
            assertEquals("prometheus", p.path("datasource").path("type").asText(), title + ": data source type");
            assertEquals(dsRef, p.path("datasource").path("uid").asText(), title + ": data source");
            assertTrue(p.path("targets").isArray() && p.path("targets").size() > 0, title + " has targets");
            Set<String> refIds = new HashSet<>();
            for (JsonNode t : p.path("targets")) {
                assertFalse(t.path("expr").asText().isBlank(), title + ": every target has an expr");
                assertTrue(refIds.add(t.path("refId").asText()), title + ": unique refId");
            }
        }
    }

    @Test
    void theDashboardShowsConversionRevenueLatencyErrorsAndTheOperatorsSignals() {
        String titles = dashboardPanels().stream().map(p -> p.path("title").asText().toLowerCase()).collect(Collectors.joining("|"));
        for (String word : List.of("conversion", "revenue", "latency", "errors", "mismatches", "paid after close",
                "reconciliation", "policy issuance lag", "mail")) {
            assertTrue(titles.contains(word), "a panel about " + word + ": " + titles);
        }
        Set<String> used = dashboardPanels().stream().flatMap(p -> expressions(p).stream()).flatMap(e -> metricNames(e).stream())
                .collect(Collectors.toSet());
        for (String name : List.of("insurepay_payment_transitions_total", "insurepay_payments_received_amount_total",
                "insurepay_refunds_amount_total", "webhook_processing_seconds_bucket", "webhook_deliveries_total",
                "webhook_rejections_total", "webhook_mismatches_total", "webhook_paid_after_close_total",
                "checkout_reconciliation_fixed_total", "checkout_reconciliation_backlog", "checkout_policy_issuance_lag_seconds_bucket",
                "checkout_mail_failures_total")) {
            assertTrue(used.contains(name), "the dashboard queries " + name);
        }
    }

    static List<String> expressions(JsonNode panel) {
        List<String> exprs = new ArrayList<>();
        panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        return exprs;
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() {
        for (JsonNode p : dashboardPanels()) {
            for (String expr : expressions(p)) {
                Set<String> names = metricNames(expr);
                assertFalse(names.isEmpty(), p.path("title").asText() + ": no metric in " + expr);
                for (String name : names) {
                    assertTrue(exported.contains(name) || PROMETHEUS_OWN.contains(name), "panel \"" + p.path("title").asText()
                            + "\" queries " + name + ", which no service exports (renamed?); exported: " + exported);
                }
            }
        }
    }

    // --- the alert rules ---

    static List<JsonNode> alertRules() {
        List<JsonNode> all = new ArrayList<>();
        rules.path("groups").forEach(g -> g.path("rules").forEach(all::add));
        return all;
    }

    @Test
    void everyRuleHasAlertExprForSeverityAndAnnotations() {
        assertTrue(rules.path("groups").isArray() && rules.path("groups").size() > 0, "groups:");
        Set<String> groups = new HashSet<>();
        for (JsonNode g : rules.path("groups")) {
            assertTrue(groups.add(g.path("name").asText()), "unique group name " + g.path("name"));
            assertTrue(g.path("rules").isArray() && g.path("rules").size() > 0, g.path("name") + " has rules");
        }
        Set<String> alerts = new HashSet<>();
        for (JsonNode r : alertRules()) {
            String alert = r.path("alert").asText();
            assertFalse(alert.isBlank(), "every rule is an alert: " + r);
            assertTrue(alerts.add(alert), "unique alert " + alert);
            assertFalse(r.path("expr").asText().isBlank(), alert + ": expr");
            assertTrue(DURATION.matcher(r.path("for").asText()).matches(), alert + ": for: " + r.path("for"));
            assertTrue(SEVERITIES.contains(r.path("labels").path("severity").asText()), alert + ": labels.severity");
            assertFalse(r.path("annotations").path("summary").asText().isBlank(), alert + ": annotations.summary");
            assertFalse(r.path("annotations").path("description").asText().isBlank(), alert + ": annotations.description");
            Set<String> allowed = Set.of("alert", "expr", "for", "labels", "annotations", "keep_firing_for");
            r.fieldNames().forEachRemaining(f -> assertTrue(allowed.contains(f), alert + ": unknown field " + f));
        }
    }

    @Test
    void everyMetricTheRulesNameIsExported() {
        for (JsonNode r : alertRules()) {
            Set<String> names = metricNames(r.path("expr").asText());
            assertFalse(names.isEmpty(), r.path("alert").asText() + ": no metric");
            for (String name : names) {
                assertTrue(exported.contains(name) || PROMETHEUS_OWN.contains(name), "alert " + r.path("alert").asText()
                        + " uses " + name + ", which no service exports (renamed?); exported: " + exported);
            }
        }
    }

    @Test
    void theAlertsCoverWhatNeedsAHuman() {
        Map<String, String> needs = Map.of(
                "webhook 5xx rate", "webhook_deliveries_total{outcome=\"error\"}",
                "signature failures", "webhook_signature_failures_total",
                "mismatches", "webhook_mismatches_total",
                "paid_after_close", "webhook_paid_after_close_total",
                "reconciliation backlog", "checkout_reconciliation_backlog",
                "reconciliation errors", "checkout_reconciliation_errors_total",
                "policy issuance lag", "checkout_policy_issuance_lag_seconds_bucket",
                "mail failures", "checkout_mail_failures_total");
        String all = alertRules().stream().map(r -> r.path("expr").asText().replaceAll("\\s+", "")).collect(Collectors.joining("\n"));
        needs.forEach((what, selector) -> assertTrue(all.contains(selector), "an alert on " + what + " (" + selector + ")"));
    }

    // --- one source of truth: compose and k8s use these files ---

    @Test
    void composeRunsPrometheusAndGrafanaOnTheseFilesReadOnly() throws IOException {
        JsonNode services = Yamls.one(Files.readString(root.resolve("docker-compose.yml"))).path("services");
        JsonNode prometheus = services.path("prometheus");
        JsonNode grafana = services.path("grafana");
        assertTrue(prometheus.path("image").asText().matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+"), "pinned: " + prometheus.path("image"));
        assertTrue(grafana.path("image").asText().matches("grafana/grafana:\\d+\\.\\d+\\.\\d+"), "pinned: " + grafana.path("image"));
        for (JsonNode s : List.of(prometheus, grafana)) {
            for (JsonNode port : s.path("ports")) {
                assertTrue(ComposeFileTest.PORT.matcher(port.asText()).matches(), "bound to COMPOSE_BIND_ADDRESS: " + port.asText());
            }
            assertTrue(s.path("ports").size() == 1, "one published port");
            assertTrue(s.path("healthcheck").path("test").size() >= 2);
        }
        Map<String, String> promMounts = mounts(prometheus);
        Map<String, String> grafanaMounts = mounts(grafana);
        assertEquals("/etc/prometheus/prometheus.yml", promMounts.get("./" + SCRAPE));
        String rulesTarget = promMounts.get("./" + RULES);
        assertNotNull(rulesTarget, "Prometheus mounts " + RULES + ": " + promMounts);
        assertTrue(prometheus.path("command").toString().contains("--config.file=/etc/prometheus/prometheus.yml"));
        JsonNode scrape = Yamls.one(Files.readString(root.resolve(SCRAPE)));
        assertTrue(scrape.path("rule_files").toString().contains("\"" + rulesTarget + "\""), "prometheus.yml loads the mounted rules");
        Map<String, String> targets = new HashMap<>();
        for (JsonNode job : scrape.path("scrape_configs")) {
            assertEquals("/q/metrics", job.path("metrics_path").asText(), job.path("job_name").asText());
            job.path("static_configs")
                    .forEach(sc -> sc.path("targets").forEach(t -> targets.put(job.path("job_name").asText(), t.asText())));
        }
        for (String app : KustomizeTest.APPS) {
            assertEquals(app + ":" + ComposeFileTest.BUILT.get(app), targets.get(app), "scrapes " + app);
        }
        String dashboardTarget = grafanaMounts.get("./" + DASHBOARD);
        assertNotNull(dashboardTarget, "Grafana mounts " + DASHBOARD + ": " + grafanaMounts);
        String provider = grafanaMounts.get("./" + DIR + "/grafana/provisioning/dashboards/insurepay.yml");
        assertNotNull(provider, "dashboard provider mounted");
        JsonNode providerYaml = Yamls.one(Files.readString(root.resolve(DIR + "/grafana/provisioning/dashboards/insurepay.yml")));
        String path = providerYaml.path("providers").get(0).path("options").path("path").asText();
        assertTrue(dashboardTarget.startsWith(path + "/"), "the provider reads the folder the dashboard is mounted in: " + path);
        assertNotNull(grafanaMounts.get("./" + DIR + "/grafana/provisioning/datasources/prometheus.yml"), "data source mounted");
        JsonNode ds = Yamls.one(Files.readString(root.resolve(DIR + "/grafana/provisioning/datasources/prometheus.yml")))
                .path("datasources").get(0);
        assertEquals("prometheus", ds.path("type").asText());
        assertEquals("http://prometheus:9090", ds.path("url").asText());
        assertTrue(grafana.path("environment").path("GF_SECURITY_ADMIN_PASSWORD").asText().startsWith("${GRAFANA_ADMIN_PASSWORD:?"),
                "Grafana's admin password comes from .env, no default");
    }

    /** Bind mounts of a compose service, host path to container path; every one read-only except named volumes. */
    static Map<String, String> mounts(JsonNode service) {
        Map<String, String> mounts = new HashMap<>();
        for (JsonNode v : service.path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts[0].startsWith("./")) {
                assertTrue(parts.length == 3 && parts[2].equals("ro"), "configuration mounted read-only: " + v.asText());
                assertTrue(Files.exists(root.resolve(parts[0].substring(2))), "mounted file exists: " + parts[0]);
                mounts.put(parts[0], parts[1]);
            }
        }
        return mounts;
    }

    @Test
    void bothOverlaysGenerateTheConfigMapsFromTheSameFiles() throws Exception {
        JsonNode kustomization = Yamls.one(Files.readString(root.resolve(DIR + "/kustomization.yaml")));
        Map<String, JsonNode> generators = new HashMap<>();
        kustomization.path("configMapGenerator").forEach(g -> generators.put(g.path("name").asText(), g));
        assertEquals("[\"grafana/insurepay-dashboard.json\"]", generators.get("insurepay-grafana-dashboard").path("files").toString());
        assertEquals("1", generators.get("insurepay-grafana-dashboard").path("options").path("labels").path("grafana_dashboard").asText());
        assertEquals("[\"prometheus/insurepay-alerts.yml\"]", generators.get("insurepay-prometheus-rules").path("files").toString());
        for (String overlay : List.of("local", "prod")) {
            JsonNode k = Yamls.one(Files.readString(root.resolve("k8s/overlays/" + overlay + "/kustomization.yaml")));
            assertTrue(k.path("resources").toString().contains("\"../../../" + DIR + "\""), overlay + " includes " + DIR);
        }
        String kubectl = KustomizeTest.findKubectl();
        assumeTrue(kubectl != null, "kubectl (with kustomize) is not installed: the rendered ConfigMaps are not checked");
        String dashboardText = Files.readString(root.resolve(DASHBOARD));
        String rulesText = Files.readString(root.resolve(RULES));
        for (String overlay : List.of("local", "prod")) {
            List<JsonNode> docs = KustomizeTest.kustomize(kubectl, "k8s/overlays/" + overlay);
            JsonNode cm = KustomizeTest.named(docs, "ConfigMap", "insurepay-grafana-dashboard");
            assertEquals("1", cm.path("metadata").path("labels").path("grafana_dashboard").asText(), overlay);
            assertEquals(dashboardText, cm.path("data").path("insurepay-dashboard.json").asText(),
                    overlay + ": the dashboard file, verbatim");
            JsonNode rulesCm = KustomizeTest.named(docs, "ConfigMap", "insurepay-prometheus-rules");
            assertEquals(rulesText, rulesCm.path("data").path("insurepay-alerts.yml").asText(), overlay + ": the rules file, verbatim");
            String namespace = KustomizeTest.named(docs, "Deployment", "checkout-service").path("metadata").path("namespace").asText();
            assertEquals(namespace, cm.path("metadata").path("namespace").asText(), overlay + ": next to the services");
        }
    }
}
