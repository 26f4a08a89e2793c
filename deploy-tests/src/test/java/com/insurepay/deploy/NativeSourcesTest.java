package com.insurepay.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The native build path, checked without GraalVM: every Quarkus native build step (reflection registration, build-time
 * initialisation, resources) runs for real for the five services, only the final {@code native-image} call is left out
 * ({@code -Dquarkus.native.sources-only=true}). The build runs in a copy of the sources under this module's target, so
 * it never rewrites the services' own {@code target/quarkus-app} (which the e2e suite and {@code ./stack} start).
 * {@code -DskipNativeCheck} skips it.
 */
class NativeSourcesTest {

    static final List<String> SERVICES = List.of("stripe-sandbox", "checkout-service", "webhook-service", "pages-service", "mcp-gateway",
            "ops-console");
    /** Never copied: build output, local state, VCS data. */
    static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", ".stack", "node_modules", ".idea", ".vscode");

    static Path copy;
    static final Map<String, Set<String>> REFLECTION = new HashMap<>();

    @BeforeAll
    static void buildNativeSources() throws Exception {
        assumeFalse(Boolean.getBoolean("insurepay.skipNativeCheck"), "-DskipNativeCheck: native sources check skipped");
        Path work = Path.of("target", "native-check").toAbsolutePath();
        copy = work.resolve("src");
        deleteTree(copy);
        copyTree(Yamls.root().toAbsolutePath().normalize(), copy);
        Path log = work.resolve("build.log");
        List<String> command = List.of("./mvnw", "-B", "-pl", String.join(",", SERVICES), "-am", "package", "-Dnative",
                "-Dquarkus.native.sources-only=true", "-DskipTests");
        Process build = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(20, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            fail("native sources build did not finish in 20 minutes; log: " + log);
        }
        if (build.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            fail(String.join(" ", command) + " failed (log: " + log + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    static List<String> services() {
        return SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void nativeSourcesHoldTheArgsTheRunnerJarAndEveryLibraryItNames(String service) throws IOException {
        Path sources = nativeSources(service);
        String runner = runnerJar(service);
        List<String> args = Arrays.asList(Files.readString(sources.resolve("native-image.args")).trim().split("\\s+"));
        int jar = args.indexOf("-jar");
        assertTrue(jar >= 0 && jar + 1 < args.size(), "native-image.args has no -jar: " + args);
        assertEquals(runner, args.get(jar + 1), "native-image.args must build the runner jar");
        assertTrue(args.contains("--no-fallback"), "a fallback image would silently need a JVM");
        assertTrue(args.stream().anyMatch(a -> a.startsWith("--features=") && a.contains("io.quarkus.runner.Feature")),
                "Quarkus' generated feature (build-time init, registrations) must be passed to native-image: " + args);
        assertTrue(Files.exists(sources.resolve("graalvm.version")), "graalvm.version names the GraalVM it expects");
        try (JarFile jarFile = new JarFile(sources.resolve(runner).toFile())) {
            String classPath = jarFile.getManifest().getMainAttributes().getValue("Class-Path");
            assertTrue(classPath != null && !classPath.isBlank(), "the runner jar names its libraries");
            for (String entry : classPath.trim().split("\\s+")) {
                assertTrue(Files.isRegularFile(sources.resolve(entry)), service + ": missing " + entry);
            }
        }
        assertTrue(reflection(service).stream().anyMatch(c -> c.startsWith("com.insurepay.")),
                service + " registers none of its own classes for reflection");
    }

    @Test
    void checkoutServiceRegistersWhatStripeJavaReadsAndWritesWithGson() throws IOException {
        assertRegistered("checkout-service",
                // responses, with nested classes (Gson fills them too)
                "com.stripe.model.checkout.Session", "com.stripe.model.checkout.Session$CustomerDetails",
                "com.stripe.model.PaymentLink", "com.stripe.model.Price", "com.stripe.model.Refund",
                "com.stripe.model.Charge", "com.stripe.model.Charge$PaymentMethodDetails", "com.stripe.model.PaymentIntent",
                "com.stripe.model.StripeCollection", "com.stripe.model.StripeError",
                "com.stripe.service.checkout.SessionService$1",
                // requests, with nested params and their enums
                "com.stripe.param.checkout.SessionCreateParams",
                "com.stripe.param.checkout.SessionCreateParams$LineItem$PriceData$ProductData",
                "com.stripe.param.checkout.SessionCreateParams$Mode", "com.stripe.param.checkout.SessionListParams",
                "com.stripe.param.PaymentLinkCreateParams", "com.stripe.param.PaymentLinkUpdateParams",
                "com.stripe.param.PriceCreateParams", "com.stripe.param.RefundCreateParams",
                // Jackson DTOs: discovered by Quarkus REST, or annotated where only a Response carries them
                "com.insurepay.checkout.rest.ApiRequests$InitiatePurchaseRequest",
                "com.insurepay.checkout.rest.ApiViews$PaymentView", "com.insurepay.checkout.rest.ApiViews$ProblemView",
                "com.insurepay.checkout.rest.ApiViews$PolicyView");
    }

    @Test
    void webhookServiceRegistersTheEventStripeJavaParsesWhileVerifying() throws IOException {
        assertRegistered("webhook-service", "com.stripe.model.Event", "com.stripe.model.Event$Data",
                "com.stripe.model.Event$Request", "com.insurepay.webhook.rest.WebhookResponses$Received");
    }

    @Test
    void gatewayPagesAndSandboxRegisterTheirJacksonRecords() throws IOException {
        assertRegistered("mcp-gateway", "com.insurepay.gateway.client.Problem");
        assertRegistered("pages-service", "com.insurepay.pages.service.SessionStatus");
        assertRegistered("stripe-sandbox", "com.insurepay.sandbox.webhook.WebhookEndpoint",
                "com.insurepay.sandbox.webhook.DeliveryAttempt");
        List<String> includes = new ArrayList<>();
        Yamls.JSON.readTree(nativeConfig("stripe-sandbox", "resource-config.json")).path("resources").path("includes")
                .forEach(include -> includes.add(include.path("pattern").asText()));
        assertTrue(includes.stream().anyMatch(p -> p.contains("stripe-params") && "stripe-params.txt".matches(p)),
                "the sandbox reads its parameter catalog as a resource: it must be in the image; includes: " + includes);
    }

    static void assertRegistered(String service, String... classes) throws IOException {
        Set<String> registered = reflection(service);
        List<String> missing = Arrays.stream(classes).filter(c -> !registered.contains(c)).toList();
        assertTrue(missing.isEmpty(), service + ": not registered for reflection: " + missing);
    }

    /** Class names in the reflect-config.json that Quarkus generated into the runner jar. */
    static Set<String> reflection(String service) throws IOException {
        if (!REFLECTION.containsKey(service)) {
            JsonNode config = Yamls.JSON.readTree(nativeConfig(service, "reflect-config.json"));
            List<String> names = new ArrayList<>();
            config.forEach(entry -> names.add(entry.path("name").asText()));
            REFLECTION.put(service, Set.copyOf(names));
        }
        return REFLECTION.get(service);
    }

    /** A native-image configuration file Quarkus generated into the runner jar (META-INF/native-image/). */
    static String nativeConfig(String service, String file) throws IOException {
        try (JarFile jar = new JarFile(nativeSources(service).resolve(runnerJar(service)).toFile());
                InputStream in = jar.getInputStream(jar.getEntry("META-INF/native-image/" + file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Path nativeSources(String service) {
        Path dir = copy.resolve(service).resolve("target").resolve("native-sources");
        assertTrue(Files.isDirectory(dir), "no " + dir);
        return dir;
    }

    static String runnerJar(String service) {
        return service + "-" + System.getProperty("insurepay.version", "1.0.0-SNAPSHOT") + "-runner.jar";
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
