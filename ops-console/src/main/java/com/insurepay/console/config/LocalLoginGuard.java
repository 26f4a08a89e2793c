package com.insurepay.console.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The local form login exists for dev, tests and ./stack. In production (the {@code prod} profile) the console
 * refuses to start if it is switched on or any user is configured for it: operators there log in through OIDC only.
 */
@Singleton
public class LocalLoginGuard {

    static final String USERS_PREFIX = "quarkus.security.users.embedded.users.";

    void check(@Observes StartupEvent start, Config config, ConsoleConfig console) {
        List<String> problems = problems(config.unwrap(SmallRyeConfig.class).getProfiles(), config, console.localLoginEnabled());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ops-console refuses to start: " + String.join("; ", problems));
        }
    }

    /** What is wrong with this configuration for these profiles (nothing outside {@code prod}). */
    public static List<String> problems(List<String> profiles, Config config, boolean localLoginEnabled) {
        List<String> problems = new ArrayList<>();
        if (!profiles.contains(LaunchMode.NORMAL.getDefaultProfile())) {
            return problems;
        }
        if (localLoginEnabled) {
            problems.add("console.local-login.enabled must be false in the prod profile (operators log in through OIDC)");
        }
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(USERS_PREFIX)) {
                problems.add("no local login users in the prod profile, found " + name);
            }
        }
        return problems;
    }
}
