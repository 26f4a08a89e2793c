package com.insurepay.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The last step of {@code ./mvnw verify} (deploy-tests is the last module): one list of every test class that skipped
 * tests in this build, with the reason its assumption or condition gave (no Docker, no Chromium, no npm, no kubectl,
 * ...), read from what test-report's {@code SkipRecorder} wrote in each module ({@code target/skipped-tests/*.tsv};
 * surefire's XML reports show nothing for a class skipped in {@code @BeforeAll}). Files older than this Maven run are
 * left out.
 * <p>
 * With the environment variable {@code INSUREPAY_ALLOWED_SKIPS} set (a comma-separated list of words, e.g.
 * {@code docker}; {@code .ci/run} sets it), a skip whose reason names none of them fails the build: CI provides every
 * other tool, so a skip there is a fault, not a shrug.
 */
public final class SkippedTestsReport {

    private SkippedTestsReport() {
    }

    record Skip(String module, String testClass, String reason, int count) {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        long since = ManagementFactory.getRuntimeMXBean().getStartTime();
        List<Skip> skips = collect(root, since);
        System.out.println(render(skips));
        String allowed = System.getenv("INSUREPAY_ALLOWED_SKIPS");
        if (allowed != null) {
            List<Skip> faults = disallowed(skips, allowed);
            if (!faults.isEmpty()) {
                throw new IllegalStateException(faults.size() + " test class(es) skipped for a reason other than "
                        + allowed + " (INSUREPAY_ALLOWED_SKIPS): " + faults.stream().map(Skip::testClass).toList());
            }
        }
    }

    static List<Skip> collect(Path root, long modifiedSince) throws IOException {
        List<Skip> skips = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path dir = module.resolve("target/skipped-tests");
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".tsv")).filter(f -> modified(f) >= modifiedSince)
                            .sorted().forEach(f -> skips.addAll(parse(module.getFileName().toString(), read(f))));
                }
            }
        }
        return merge(skips);
    }

    /** Lines of {@code class TAB count TAB reason}. */
    static List<Skip> parse(String module, String tsv) {
        List<Skip> skips = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                String name = parts[0].substring(parts[0].lastIndexOf('.') + 1);
                skips.add(new Skip(module, name, parts[2], Integer.parseInt(parts[1].trim())));
            }
        }
        return skips;
    }

    /** One entry per module, class and reason (surefire and failsafe, several forks). */
    static List<Skip> merge(List<Skip> skips) {
        Map<String, Skip> merged = new TreeMap<>();
        for (Skip s : skips) {
            merged.merge(s.module() + "\u0000" + s.testClass() + "\u0000" + s.reason(), s,
                    (x, y) -> new Skip(x.module(), x.testClass(), x.reason(), x.count() + y.count()));
        }
        return new ArrayList<>(merged.values());
    }

    static String render(List<Skip> skips) {
        if (skips.isEmpty()) {
            return "[skipped tests] none: every test of this build ran.";
        }
        StringBuilder out = new StringBuilder("[skipped tests] ")
                .append(skips.stream().mapToInt(Skip::count).sum()).append(" test(s) in ").append(skips.size())
                .append(" class(es) did not run:\n");
        for (Skip s : skips) {
            out.append(String.format(Locale.ROOT, "  %-16s %-40s %3d  %s%n", s.module(), s.testClass(), s.count(), s.reason()));
        }
        return out.toString().stripTrailing();
    }

    static List<Skip> disallowed(List<Skip> skips, String allowed) {
        List<String> words = Arrays.stream(allowed.split(",")).map(String::trim).filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT)).toList();
        return skips.stream().filter(s -> words.stream().noneMatch(w -> s.reason().toLowerCase(Locale.ROOT).contains(w)))
                .toList();
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
