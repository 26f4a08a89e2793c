package com.insurepay.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * The running stack started by {@code ./stack up} for this suite (pre-integration-test): its URLs and secrets from
 * {@code $STACK_HOME/env}, and the few operator/test hooks the suite may use besides MCP: the sandbox's automation
 * hooks (the "customer's card" and "Stripe's clock"), GreenMail's mailbox API, and pages-service's public URLs.
 */
final class Stack {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static final Path HOME = Path.of(System.getProperty("e2e.stack.home", "target/stack"));
    static final Path ROOT = Path.of(System.getProperty("e2e.root", ".."));
    private static Map<String, String> env;

    private Stack() {
    }

    static synchronized String env(String key) {
        if (env == null) {
            try {
                env = new HashMap<>();
                for (String line : Files.readAllLines(HOME.resolve("env"))) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        env.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("no stack env at " + HOME + ": did ./stack up run?", e);
            }
        }
        String value = env.get(key);
        if (value == null) {
            throw new IllegalStateException(key + " missing from " + HOME.resolve("env"));
        }
        return value;
    }

    static JsonNode sandboxPost(String path, Map<String, String> form) {
        return post(env("STRIPE_API_BASE") + path, form);
    }

    static JsonNode sandboxGet(String path) {
        return get(env("STRIPE_API_BASE") + path, Map.of());
    }

    /** Pays a Checkout Session the way a customer would, through the sandbox's automation hook. */
    static JsonNode payWithCard(String sessionId, String card) {
        return sandboxPost("/sandbox/checkout/sessions/" + sessionId + "/pay", Map.of("card", card));
    }

    /** Stripe's API (the sandbox) with the stack's secret key: what Stripe's dashboard would show. */
    static JsonNode stripeApi(String path) {
        return get(env("STRIPE_API_BASE") + path, Map.of("Authorization", "Bearer " + env("STRIPE_SECRET_KEY")));
    }

    /**
     * Waits until the sandbox has delivered (2xx) the event of {@code type} about the object {@code objectId} to the
     * webhook endpoint, and returns the event. webhook-service answers only once the event's effect is written, so
     * after this the payment shows it: a deterministic wait instead of a sleep.
     */
    static JsonNode awaitDelivered(String type, String objectId, Duration timeout) {
        JsonNode[] event = new JsonNode[1];
        Awaitility.await(type + " of " + objectId + " delivered").atMost(timeout).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    if (event[0] == null) {
                        for (JsonNode e : stripeApi("/v1/events?limit=100&type=" + type).path("data")) {
                            if (objectId.equals(e.path("data").path("object").path("id").asText())) {
                                event[0] = e;
                            }
                        }
                    }
                    if (event[0] == null) {
                        return false;
                    }
                    for (JsonNode d : sandboxGet("/sandbox/deliveries?event=" + event[0].path("id").asText()).path("data")) {
                        if ("delivered".equals(d.path("outcome").asText())) {
                            return true;
                        }
                    }
                    return false;
                });
        return event[0];
    }

    /** checkout-service's internal API (service token): the operator's reconciliation trigger and the audit trail. */
    static JsonNode checkout(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(env("CHECKOUT_URL") + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + env("CHECKOUT_SERVICE_TOKEN"))
                .header("Content-Type", "application/json")
                .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .build();
        return send(request);
    }

    /** Where a URL sends the browser (a 303 of the sandbox's hosted pages), as a customer's browser would follow it. */
    static URI redirectOf(String url) {
        HttpResponse<byte[]> response = getBytes(url);
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("GET " + url + " -> " + response.statusCode() + " without a redirect"));
        return URI.create(url).resolve(location);
    }

    static JsonNode post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    static JsonNode get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    static HttpResponse<byte[]> getBytes(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        request.method() + " " + request.uri() + " -> " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The messages GreenMail received for an address (its REST API). */
    static JsonNode mailbox(String email) {
        return get(env("SMTP_API_URL") + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX", Map.of());
    }

    /** Runs ./stack with the suite's environment (e.g. "up" to restart a killed service). */
    static void stack(String... args) {
        try {
            String[] cmd = new String[args.length + 1];
            cmd[0] = ROOT.resolve("stack").toString();
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("./stack " + String.join(" ", args) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An MCP token made the way an operator makes one: the gateway's admin CLI ({@code token create}) against the
     * stack's table. @return the secret, shown once by the CLI
     */
    static String createToken(String name, String tenant, String scopes) {
        try {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    ROOT.resolve("mcp-gateway/target/quarkus-app/quarkus-run.jar").toString(), "token", "create", "--name", name,
                    "--tenant", tenant, "--scopes", scopes, "--ttl", "1d").redirectErrorStream(true);
            pb.environment().put("QUARKUS_HTTP_PORT", "0");
            pb.environment().put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", env("DYNAMODB_ENDPOINT"));
            pb.environment().put("QUARKUS_DYNAMODB_AWS_REGION", "us-east-1");
            pb.environment().put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static");
            pb.environment().put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", "local");
            pb.environment().put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", "local");
            pb.environment().put("PAYMENTS_TABLE", env("PAYMENTS_TABLE"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("token create failed: " + out);
            }
            java.util.regex.Matcher secret = java.util.regex.Pattern.compile("mcp_[A-Za-z0-9_-]{20,}").matcher(out);
            if (!secret.find()) {
                throw new IllegalStateException("no token in: " + out);
            }
            return secret.group();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long pidOf(String service) {
        try {
            return Long.parseLong(Files.readString(HOME.resolve("pids").resolve(service + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
