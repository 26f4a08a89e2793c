package com.insurepay.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.console.config.LocalLoginGuard;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The prod profile of application.properties as the packaged console reads it: OIDC's authorization-code flow,
 * required settings without defaults, and no local login at all.
 */
class ProdProfileTest {

    private static SmallRyeConfig config(String profile, Map<String, String> env) throws IOException {
        URL file = ProdProfileTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile).withSources(new PropertiesConfigSource(file, 250))
                .withSources(new PropertiesConfigSource(env, "env", 300)).build();
    }

    @Test
    void prodSignsInThroughOidcAndNeedsItsSettings() throws IOException {
        SmallRyeConfig prod = config("prod", Map.of());
        assertEquals("code", prod.getRawValue("quarkus.http.auth.permission.console.auth-mechanism"));
        assertEquals("true", prod.getRawValue("quarkus.oidc.tenant-enabled"));
        assertEquals("web-app", prod.getRawValue("quarkus.oidc.application-type"));
        for (String required : List.of("quarkus.oidc.auth-server-url", "quarkus.oidc.client-id", "quarkus.oidc.credentials.secret")) {
            assertThrows(NoSuchElementException.class, () -> prod.getValue(required, String.class),
                    required + " must have no default in prod");
        }
        SmallRyeConfig configured = config("prod", Map.of("OIDC_AUTH_SERVER_URL", "https://id.example.com/realms/insurepay",
                "OIDC_CLIENT_ID", "ops-console", "OIDC_CLIENT_SECRET", "s3cret"));
        assertEquals("https://id.example.com/realms/insurepay", configured.getValue("quarkus.oidc.auth-server-url", String.class));
    }

    @Test
    void prodHasNoLocalLogin() throws IOException {
        SmallRyeConfig prod = config("prod", Map.of("CONSOLE_LOCAL_PASSWORD", "set-by-mistake"));
        assertEquals("false", prod.getRawValue("console.local-login.enabled"));
        assertFalse(StreamSupport.stream(prod.getPropertyNames().spliterator(), false)
                .anyMatch(n -> n.startsWith("quarkus.security.users.embedded.users.")), "no local users in prod");
        assertEquals("deny", prod.getRawValue("quarkus.http.auth.permission.no-local-login.policy"));
        assertTrue(prod.getRawValue("quarkus.http.auth.permission.no-local-login.paths").contains("/j_security_check"));
    }

    @Test
    void theGuardRefusesALocalLoginInProd() throws IOException {
        SmallRyeConfig prodWithUser = config("prod", Map.of("quarkus.security.users.embedded.users.admin", "x"));
        assertEquals(2, LocalLoginGuard.problems(List.of("prod"), prodWithUser, true).size());
        assertTrue(LocalLoginGuard.problems(List.of("prod"), config("prod", Map.of()), false).isEmpty());
        assertTrue(LocalLoginGuard.problems(List.of("local"), config("local", Map.of()), true).isEmpty(),
                "./stack's local profile may");
    }

    @Test
    void theLocalProfileOfTheStackSignsInWithTheFormAndNeedsItsPassword() throws IOException {
        SmallRyeConfig local = config("local", Map.of());
        assertEquals("form", local.getRawValue("quarkus.http.auth.permission.console.auth-mechanism"));
        assertEquals("false", local.getRawValue("quarkus.oidc.tenant-enabled"));
        assertThrows(NoSuchElementException.class,
                () -> local.getValue("quarkus.security.users.embedded.users.operator", String.class), "no default password");
    }
}
