package com.insurepay.dynamodb.sandbox;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (npm, Apache-2.0), the reference the differential test compares against: installed with npm into
 * target/dynalite on first use, run in memory on a free port. {@link #unavailable()} says why it cannot run here.
 */
final class Dynalite implements AutoCloseable {

    static final String VERSION = System.getProperty("dynalite.version", "4.0.0");
    private static final Path HOME = Path.of("target", "dynalite").toAbsolutePath();

    private final Process process;
    final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @return null when dynalite can run, else the reason it cannot */
    static String unavailable() {
        if (Files.isExecutable(bin())) {
            return null;
        }
        if (!onPath("npm")) {
            return "npm is not installed: the differential test against dynalite is skipped";
        }
        try {
            Files.createDirectories(HOME);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", HOME.toString(),
                    "dynalite@" + VERSION).redirectErrorStream(true).redirectOutput(HOME.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                return "npm install dynalite@" + VERSION + " did not finish in 5 minutes";
            }
            if (npm.exitValue() != 0 || !Files.isExecutable(bin())) {
                return "npm install dynalite@" + VERSION + " failed (see " + HOME.resolve("npm-install.log") + ")";
            }
            return null;
        } catch (IOException e) {
            return "could not run npm: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Path bin() {
        return HOME.resolve("node_modules/.bin/dynalite");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static Dynalite start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(List.of(bin().toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
                .redirectErrorStream(true).redirectOutput(HOME.resolve("dynalite.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("dynalite exited: see " + HOME.resolve("dynalite.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Dynalite(p, port);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("dynalite did not listen within 30 s");
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
