package com.insurepay.gateway.auth;

import com.insurepay.common.ids.Timestamps;
import com.insurepay.common.table.PaymentTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * MCP access tokens in the shared table (common-model/README.md):
 * <ul>
 * <li>item: pk {@code TOKEN#<sha256 hex of the secret>}, sk {@code TOKEN}; attributes {@code token_id}, {@code name},
 * {@code created_at}, {@code expires_at}, {@code revoked}, {@code revoked_at}, {@code token_bucket}="TOKEN" and
 * {@code ttl_epoch} (DynamoDB deletes the item 30 days after expiry);</li>
 * <li>token by presented secret: GetItem on the hash (consistent read);</li>
 * <li>list: sparse GSI {@code tokens-index} ({@code token_bucket}, {@code created_at}), newest first.</li>
 * </ul>
 */
public class McpTokenRepository {

    public static final String BUCKET = "TOKEN";
    static final String ENTITY = "mcp_token";
    static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(30);

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public McpTokenRepository(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    /** A token just created: the secret exists only in this object and the admin's terminal. */
    public record IssuedToken(String secret, McpToken token) {
    }

    public IssuedToken create(String name, Duration ttl) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1 to 100 characters");
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("a token's time to live must be positive");
        }
        String secret = TokenSecrets.newSecret();
        String hash = TokenSecrets.sha256Hex(secret);
        Instant now = clock.instant();
        McpToken token = new McpToken(TokenSecrets.idOf(hash), hash, name.strip(), now, now.plus(ttl), false, null);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PaymentTable.PK, s(PaymentTable.TOKEN_PK_PREFIX + hash));
        item.put(PaymentTable.SK, s(PaymentTable.TOKEN_SK));
        item.put(PaymentTable.ENTITY, s(ENTITY));
        item.put(PaymentTable.TOKEN_BUCKET, s(BUCKET));
        item.put("token_id", s(token.id()));
        item.put("name", s(token.name()));
        item.put(PaymentTable.CREATED_AT, s(Timestamps.format(token.createdAt())));
        item.put(PaymentTable.EXPIRES_AT, s(Timestamps.format(token.expiresAt())));
        item.put("revoked", AttributeValue.fromBool(false));
        item.put(PaymentTable.TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(token.expiresAt().plus(KEEP_AFTER_EXPIRY).getEpochSecond())));
        client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PaymentTable.PK)));
        return new IssuedToken(secret, token);
    }

    public Optional<McpToken> findBySecret(String secret) {
        if (secret == null || !secret.startsWith(TokenSecrets.PREFIX)) {
            return Optional.empty();
        }
        return findByHash(TokenSecrets.sha256Hex(secret));
    }

    public Optional<McpToken> findByHash(String hash) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PaymentTable.PK, s(PaymentTable.TOKEN_PK_PREFIX + hash), PaymentTable.SK, s(PaymentTable.TOKEN_SK))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Every stored token, newest first (expired ones until DynamoDB's TTL removes them). */
    public List<McpToken> list() {
        List<McpToken> tokens = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(PaymentTable.TOKENS_INDEX)
                    .keyConditionExpression("#b = :b")
                    .expressionAttributeNames(Map.of("#b", PaymentTable.TOKEN_BUCKET))
                    .expressionAttributeValues(Map.of(":b", s(BUCKET)))
                    .scanIndexForward(false);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = client.query(query.build());
            page.items().forEach(i -> tokens.add(fromItem(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return tokens;
    }

    /**
     * Revokes the token with this id (or hash prefix), or every not-yet-revoked token with this name.
     *
     * @return the tokens revoked by this call (empty when nothing matched)
     */
    public List<McpToken> revoke(String nameOrId) {
        String wanted = nameOrId.strip();
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<McpToken> matches = list().stream()
                .filter(t -> !t.revoked())
                .filter(t -> t.name().equals(wanted) || (lower.length() >= 6 && t.hash().startsWith(lower)))
                .toList();
        Instant now = clock.instant();
        List<McpToken> revoked = new ArrayList<>();
        for (McpToken t : matches) {
            try {
                client.updateItem(b -> b.tableName(table)
                        .key(Map.of(PaymentTable.PK, s(PaymentTable.TOKEN_PK_PREFIX + t.hash()), PaymentTable.SK, s(PaymentTable.TOKEN_SK)))
                        .updateExpression("SET revoked = :t, revoked_at = :now")
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PaymentTable.PK))
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":now", s(Timestamps.format(now)))));
                revoked.add(new McpToken(t.id(), t.hash(), t.name(), t.createdAt(), t.expiresAt(), true, now));
            } catch (ConditionalCheckFailedException gone) {
                // deleted by TTL meanwhile: nothing left to revoke
            }
        }
        return revoked;
    }

    private static McpToken fromItem(Map<String, AttributeValue> item) {
        String hash = item.get(PaymentTable.PK).s().substring(PaymentTable.TOKEN_PK_PREFIX.length());
        AttributeValue revoked = item.get("revoked");
        AttributeValue revokedAt = item.get("revoked_at");
        return new McpToken(TokenSecrets.idOf(hash), hash, item.get("name").s(),
                Timestamps.parse(item.get(PaymentTable.CREATED_AT).s()),
                Timestamps.parse(item.get(PaymentTable.EXPIRES_AT).s()),
                revoked != null && Boolean.TRUE.equals(revoked.bool()),
                revokedAt == null ? null : Timestamps.parse(revokedAt.s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
