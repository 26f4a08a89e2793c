package com.insurepay.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkippedTestsReportTest {

    static final String SUREFIRE_FORK = """
            com.insurepay.x.BrowserTest	2	no Chromium: install chromium and chromium-driver
            com.insurepay.x.LocalStackTest	1	Docker is not available
            """;
    static final String FAILSAFE_FORK = "com.insurepay.x.BrowserTest\t1\tno Chromium: install chromium and chromium-driver\n";

    @Test
    void skipsAreMergedAcrossForksByClassAndReason() {
        List<SkippedTestsReport.Skip> all = new ArrayList<>(SkippedTestsReport.parse("pages-service", SUREFIRE_FORK));
        all.addAll(SkippedTestsReport.parse("pages-service", FAILSAFE_FORK));
        List<SkippedTestsReport.Skip> skips = SkippedTestsReport.merge(all);
        assertEquals(List.of(
                new SkippedTestsReport.Skip("pages-service", "BrowserTest", "no Chromium: install chromium and chromium-driver", 3),
                new SkippedTestsReport.Skip("pages-service", "LocalStackTest", "Docker is not available", 1)), skips);
        String text = SkippedTestsReport.render(skips);
        assertTrue(text.startsWith("[skipped tests] 4 test(s) in 2 class(es) did not run:"), text);
        assertTrue(text.contains("LocalStackTest"), text);
    }

    @Test
    void onlyTheAllowedReasonsPass() {
        List<SkippedTestsReport.Skip> skips = SkippedTestsReport.parse("m", SUREFIRE_FORK);
        List<SkippedTestsReport.Skip> faults = SkippedTestsReport.disallowed(skips, "docker");
        assertEquals(1, faults.size());
        assertEquals("BrowserTest", faults.get(0).testClass());
        assertTrue(SkippedTestsReport.disallowed(skips, "docker, chromium").isEmpty());
        assertEquals("[skipped tests] none: every test of this build ran.", SkippedTestsReport.render(List.of()));
    }
}
