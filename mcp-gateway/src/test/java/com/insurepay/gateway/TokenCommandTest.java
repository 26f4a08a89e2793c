package com.insurepay.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.table.PaymentTable;
import com.insurepay.gateway.admin.TokenCommand;
import com.insurepay.gateway.auth.McpToken;
import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.gateway.auth.Scope;
import com.insurepay.gateway.auth.TokenSecrets;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class TokenCommandTest {

    static final Pattern SECRET = Pattern.compile("mcp_[A-Za-z0-9_-]{43}");

    @Inject
    TokenCommand command;

    @Inject
    McpTokenRepository tokens;

    @Inject
    DynamoDbClient dynamo;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createPrintsTheSecretOnceAndStoresOnlyItsHash() {
        Run created = run("create", "--name", "claude-desktop", "--tenant", "acme-travel", "--ttl", "90d");
        assertEquals(0, created.exit(), created.err());
        Matcher m = SECRET.matcher(created.out());
        assertTrue(m.find(), created.out());
        String secret = m.group();
        assertFalse(m.find(), "printed once");

        String hash = TokenSecrets.sha256Hex(secret);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("payments").key(Map.of(
                PaymentTable.PK, AttributeValue.fromS("TOKEN#" + hash), PaymentTable.SK, AttributeValue.fromS("TOKEN")))).item();
        assertEquals("TOKEN", item.get(PaymentTable.TOKEN_BUCKET).s());
        assertEquals("claude-desktop", item.get("name").s());
        assertFalse(item.values().stream().anyMatch(v -> v.toString().contains(secret)), "the secret is never stored");

        McpToken token = tokens.findBySecret(secret).orElseThrow();
        Duration ttl = Duration.between(token.createdAt(), token.expiresAt());
        assertEquals(Duration.ofDays(90), ttl);
        assertTrue(token.isUsableAt(Instant.now()));
        assertEquals("acme-travel", token.tenant());
        assertEquals(Scope.DEFAULT, token.scopes(), "by default every scope but refund");
        assertFalse(token.allows(Scope.REFUND));
        assertEquals(50_000, token.limits().refundPerCall("SGD"), "the configured default ceiling");
        assertEquals(0, token.limits().refundPerCall("CHF"), "a currency without a ceiling cannot be refunded by a token");
    }

    @Test
    void scopesAndLimitsAreChosenAtCreationAndListed() {
        String secret = secretOf(run("create", "--name", "refunds-desk", "--tenant", "acme-travel", "--scopes", "read,refund",
                "--refund-per-call", "SGD:7500", "--refund-per-day=SGD:15000", "--calls-per-minute", "30", "--emails-per-minute", "2"));
        McpToken token = tokens.findBySecret(secret).orElseThrow();
        assertEquals(Set.of(Scope.READ, Scope.REFUND), token.scopes());
        assertEquals(7_500, token.limits().refundPerCall("SGD"));
        assertEquals(15_000, token.limits().refundPerDay("sgd"));
        assertEquals(30, token.limits().callsPerMinute());
        assertEquals(2, token.limits().emailsPerMinute());
        Run list = run("list");
        String line = list.out().lines().filter(l -> l.contains("refunds-desk")).findFirst().orElseThrow();
        assertTrue(line.contains("acme-travel") && line.contains("read,refund"), line);
    }

    @Test
    void listShowsTokensWithoutSecretsAndRevokeByNameOrId() {
        String secretA = secretOf(run("create", "--name", "ci-bot", "--tenant", "t1", "--ttl", "1d"));
        String secretB = secretOf(run("create", "--name", "ops", "--tenant", "t1", "--ttl", "12h"));
        String idB = TokenSecrets.idOf(TokenSecrets.sha256Hex(secretB));

        Run list = run("list");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("ci-bot") && list.out().contains(idB), list.out());
        assertFalse(list.out().contains(secretA) || list.out().contains(secretB));

        Run byName = run("revoke", "ci-bot");
        assertEquals(0, byName.exit(), byName.err());
        assertTrue(tokens.findBySecret(secretA).orElseThrow().revoked());

        Run byId = run("revoke", idB);
        assertEquals(0, byId.exit(), byId.err());
        assertTrue(tokens.findBySecret(secretB).orElseThrow().revoked());
        assertTrue(run("list").out().contains("revoked"));

        assertEquals(1, run("revoke", "ci-bot").exit(), "nothing left to revoke");
    }

    /** Every mistake is one plain line naming what to fix, and exit 2. */
    @Test
    void usageErrorsAreOneLine() {
        assertEquals(2, run().exit());
        for (String[] bad : List.of(new String[] {"create"}, new String[] {"create", "--name", "x"},
                new String[] {"create", "--name", "x", "--tenant", "t", "--ttl", "forever"},
                new String[] {"create", "--name", "x", "--tenant", "t", "--ttl", "400d"},
                new String[] {"create", "--name", "x", "--tenant", "t", "--scopes", "read,admin"},
                new String[] {"create", "--name", "x", "--tenant", "t", "--refund-per-call", "SGD50"},
                new String[] {"create", "--name", "x", "--tenant", "t", "--calls-per-minute", "0"},
                new String[] {"create", "--name", "x", "--tenant", "t", "--bogus", "1"},
                new String[] {"create", "--name", "x", "--tenant", "not a tenant"},
                new String[] {"revoke"}, new String[] {"frobnicate"})) {
            Run r = run(bad);
            assertEquals(2, r.exit(), String.join(" ", bad));
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertTrue(r.err().startsWith("token: "), r.err());
        }
        assertTrue(run("create", "--name", "x", "--tenant", "t", "--scopes", "read,admin").err()
                .contains("scopes are read,purchase,links,cancel,refund"));
    }

    private static String secretOf(Run run) {
        assertEquals(0, run.exit(), run.err());
        Matcher m = SECRET.matcher(run.out());
        assertTrue(m.find(), run.out());
        return m.group();
    }
}
