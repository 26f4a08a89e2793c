package com.insurepay.testreport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records every test class that did not run in full, with the reason: tests or classes disabled by a condition
 * (e.g. Testcontainers without Docker) and those aborted by an assumption (no Chromium, no npm, no kubectl), also
 * when the assumption sits in {@code @BeforeAll} (surefire's XML reports then show nothing at all). Registered through
 * {@code META-INF/services}, so it runs in every module whose tests have this jar on their classpath. Writes
 * {@code target/skipped-tests/<pid>.tsv} in the module (class, count, reason), read by deploy-tests'
 * {@code SkippedTestsReport} at the end of the build.
 */
public class SkipRecorder implements TestExecutionListener {

    /** class name + TAB + reason → number of tests (or 1 for a whole class). */
    private final Map<String, Integer> skips = new TreeMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse(null));
        }
    }

    private synchronized void record(TestIdentifier test, String reason) {
        className(test.getSource()).ifPresent(name -> {
            String why = reason == null || reason.isBlank() ? "(no reason given)"
                    : reason.replaceFirst("^Assumption failed: ", "").replaceAll("\\s+", " ").strip();
            skips.merge(name + "\t" + why, 1, Integer::sum);
        });
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (skips.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        skips.forEach((key, count) -> {
            int tab = key.indexOf('\t');
            lines.append(key, 0, tab).append('\t').append(count).append('\t').append(key.substring(tab + 1)).append('\n');
        });
        Path dir = Path.of("target", "skipped-tests");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ProcessHandle.current().pid() + ".tsv"), lines, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        skips.clear();
    }

    private static Optional<String> className(Optional<TestSource> source) {
        return source.flatMap(s -> {
            if (s instanceof ClassSource c) {
                return Optional.of(c.getClassName());
            }
            if (s instanceof MethodSource m) {
                return Optional.of(m.getClassName());
            }
            return Optional.empty();
        });
    }
}
