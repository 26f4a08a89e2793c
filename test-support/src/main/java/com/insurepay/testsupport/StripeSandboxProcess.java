package com.insurepay.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged stripe-sandbox ({@code stripe-sandbox/target/quarkus-app/quarkus-run.jar}) as a
 * child process on a free port, for other modules' tests:
 *
 * <pre>{@code
 * try (StripeSandboxProcess sandbox = StripeSandboxProcess.start(Map.of(
 *     "SANDBOX_WEBHOOK_ENDPOINTS", "http://localhost:" + port + "/webhook/stripe|whsec_test"))) {
 *   String apiBase = sandbox.baseUrl(); // stripe-java: setApiBase(apiBase), key "sk_test_..."
 * }
 * }</pre>
 *
 * The jar is found by walking up from the working directory to the repository root, so it works
 * from any module. Output goes to {@code target/stripe-sandbox-<port>.log} of the calling module.
 */
public final class StripeSandboxProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final String JAR = "stripe-sandbox/target/quarkus-app/quarkus-run.jar";

    private final Process process;
    private final int port;
    private final Path log;

    private StripeSandboxProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts with default configuration (no webhook endpoints; register them at runtime or via env). */
    public static StripeSandboxProcess start() {
        return start(Map.of());
    }

    /**
     * Starts the sandbox with extra environment variables (e.g. {@code SANDBOX_WEBHOOK_ENDPOINTS},
     * {@code SANDBOX_API_VERSION}, {@code SANDBOX_WEBHOOK_RETRY_SCHEDULE}) and waits until it is ready.
     */
    public static StripeSandboxProcess start(Map<String, String> env) {
        Path jar = locateJar();
        int port = freePort();
        Path log = Path.of("target", "stripe-sandbox-" + port + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("SANDBOX_PUBLIC_URL", "http://localhost:" + port);
            // Plain-text logs are easier to read in a test's log file than the prod JSON ones.
            builder.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            builder.environment().putAll(env);
            StripeSandboxProcess sandbox = new StripeSandboxProcess(builder.start(), port, log);
            sandbox.awaitReady();
            return sandbox;
        } catch (IOException e) {
            throw new IllegalStateException("could not start stripe-sandbox from " + jar + ": " + e.getMessage(), e);
        }
    }

    /** E.g. {@code http://localhost:43121}: the API base for stripe-java and the host of hosted pages. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return log;
    }

    /** Stops the process and waits for it to exit. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "stripe-sandbox exited with code " + process.exitValue() + " before it was ready; log " + log + ":\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted while waiting for stripe-sandbox", e);
            }
            sleep(200);
        }
        stop();
        throw new IllegalStateException("stripe-sandbox was not ready within " + STARTUP_TIMEOUT + "; log " + log + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Walks up from the working directory to the repository root (the folder holding stripe-sandbox/). */
    static Path locateJar() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("stripe-sandbox/pom.xml"))) {
                Path jar = dir.resolve(JAR);
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(
                            "No packaged stripe-sandbox at " + jar + ": build stripe-sandbox first (./mvnw -pl stripe-sandbox package)");
                }
                return jar;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "Could not find the repository root (a folder with stripe-sandbox/pom.xml) above " + Path.of("").toAbsolutePath()
                        + ": build stripe-sandbox first (./mvnw -pl stripe-sandbox package) and run tests inside the repository");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
