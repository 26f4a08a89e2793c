package com.insurepay.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.table.PaymentTable;
import com.insurepay.gateway.admin.TokenCommand;
import com.insurepay.gateway.auth.McpToken;
import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.gateway.auth.TokenSecrets;
import com.insurepay.testsupport.DynamoDbLocalTestResource;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
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
        Run created = run("create", "--name", "claude-desktop", "--ttl", "90d");
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
    }

    @Test
    void listShowsTokensWithoutSecretsAndRevokeByNameOrId() {
        String secretA = secretOf(run("create", "--name", "ci-bot", "--ttl", "1d"));
        String secretB = secretOf(run("create", "--name", "ops", "--ttl", "12h"));
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

    @Test
    void usageErrors() {
        assertEquals(2, run().exit());
        assertEquals(2, run("create").exit());
        assertEquals(2, run("create", "--name", "x", "--ttl", "forever").exit());
        assertEquals(2, run("create", "--name", "x", "--ttl", "400d").exit());
        assertEquals(2, run("revoke").exit());
        assertEquals(2, run("frobnicate").exit());
    }

    private static String secretOf(Run run) {
        assertEquals(0, run.exit(), run.err());
        Matcher m = SECRET.matcher(run.out());
        assertTrue(m.find(), run.out());
        return m.group();
    }
}
