package com.insurepay.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./stack} as a developer's shell runs it, on ports of its own: {@code status} fails when what should run does
 * not, {@code up --deps} starts only the dependencies and writes the environment a {@code quarkus:dev} run reads, and
 * the portable paths work with the Linux-only tools hidden: the script runs with a {@code PATH} that has no
 * {@code setsid} (as on macOS) and never reads {@code /proc}.
 */
class StackScriptTest {

    // Ports below Linux's ephemeral range (32768+), so no outgoing connection can hold one by chance.
    /** Tools the script may use on any Unix; setsid (util-linux) is deliberately not among them. */
    static final List<String> PORTABLE_TOOLS = List.of("bash", "java", "curl", "ps", "grep", "sed", "cat", "mkdir", "rm",
            "seq", "sleep", "date", "head", "tr", "base64", "basename", "dirname", "kill", "perl", "tail", "tee", "env",
            "chmod", "ls", "cut");

    static Path root;
    static Path home;
    static Path bin;

    @BeforeAll
    static void portableToolsOnly() throws IOException {
        root = Yamls.root().toAbsolutePath().normalize();
        assumeTrue(Files.exists(root.resolve("dynamodb-sandbox/target/dynamodb-sandbox.jar"))
                && Files.exists(root.resolve("stripe-sandbox/target/quarkus-app/quarkus-run.jar"))
                && Files.exists(root.resolve("checkout-service/target/quarkus-app/quarkus-run.jar")),
                "StackScriptTest needs the packaged jars: run ./mvnw verify from the root (not -pl deploy-tests alone)");
        Path work = Path.of("target", "stack-script").toAbsolutePath();
        home = work.resolve("home");
        bin = work.resolve("bin");
        Files.createDirectories(bin);
        for (String tool : PORTABLE_TOOLS) {
            Path target = which(tool);
            Path link = bin.resolve(tool);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, target);
        }
        assumeTrue(Files.exists(home.resolve("classpath/greenmail-standalone.jar")),
                "StackScriptTest needs the GreenMail jar the pom copies (run it through Maven)");
        assertFalse(Files.exists(bin.resolve("setsid")));
    }

    @AfterAll
    static void down() throws Exception {
        if (home != null) {
            stack("down");
        }
    }

    @Test
    void theScriptNeverReadsProc() throws IOException {
        String script = Files.readString(root.resolve("stack"));
        assertFalse(script.contains("/proc"), "/proc exists on Linux only");
    }

    @Test
    void statusFailsWhenNothingRunsThenDepsModeStartsOnlyTheDependenciesWithoutSetsid() throws Exception {
        Result stopped = stack("status");
        assertNotEquals(0, stopped.exit, "status must fail when the stack is down:\n" + stopped.output);
        assertTrue(stopped.output.contains("stopped"), stopped.output);

        Result up = stack("up", "--deps");
        assertEquals(0, up.exit, up.output);
        assertTrue(up.output.contains("The dependencies are up"), up.output);
        assertFalse(up.output.contains("Starting checkout-service"), "--deps starts no service of ours:\n" + up.output);

        Result status = stack("status");
        assertEquals(0, status.exit, "everything that --deps should run is ready:\n" + status.output);
        assertTrue(status.output.matches("(?s).*dynamodb\\s+\\d+\\s+19100\\s+ready.*"), status.output);
        assertTrue(status.output.matches("(?s).*stripe-sandbox\\s+\\d+\\s+19111\\s+ready.*"), status.output);
        assertTrue(status.output.matches("(?s).*checkout-service\\s+-\\s+19181\\s+not started \\(up --deps\\).*"), status.output);
        assertTrue(status.output.matches("(?s).*ops-console\\s+-\\s+19187\\s+not started \\(up --deps\\).*"), status.output);

        String env = Files.readString(home.resolve("env"));
        assertTrue(env.contains("DYNAMODB_ENDPOINT=http://localhost:19100"), env);
        assertTrue(env.contains("STRIPE_API_BASE=http://localhost:19111"), env);
        assertTrue(env.contains("QUARKUS_MAILER_PORT=19125"), env);

        // Without setsid the script gave the process a session of its own by other means (it survives the terminal).
        String pid = Files.readString(home.resolve("pids/dynamodb.pid")).trim();
        Result ps = run(List.of("ps", "-o", "sid=", "-p", pid), Map.of());
        assertEquals(pid, ps.output.trim(), "the dynamodb-sandbox process leads its own session");

        Result restart = stack("restart", "checkout-service");
        assertNotEquals(0, restart.exit, "not part of a --deps stack");
        assertTrue(restart.output.contains("not part of this stack"), restart.output);

        Result down = stack("down");
        assertEquals(0, down.exit, down.output);
        assertTrue(down.output.contains("stopped dynamodb"), down.output);
        assertNotEquals(0, stack("status").exit, "stopped again");
    }

    record Result(int exit, String output) {
    }

    static Result stack(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("stack").toString());
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("STACK_HOME", home.toString());
        env.put("DYNAMODB_PORT", "19100");
        env.put("SMTP_PORT", "19125");
        env.put("SMTP_API_PORT", "19126");
        env.put("SANDBOX_PORT", "19111");
        env.put("CHECKOUT_PORT", "19181");
        env.put("WEBHOOK_PORT", "19186");
        env.put("PAGES_PORT", "19185");
        env.put("MCP_PORT", "19180");
        env.put("CONSOLE_PORT", "19187");
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return run(command, env);
    }

    static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("STRIPE_") || k.endsWith("_PORT"));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + command);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Path which(String tool) {
        Path found = whichOrNull(tool);
        assumeTrue(found != null, "StackScriptTest needs " + tool + " on PATH");
        return found;
    }

    static Path whichOrNull(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
