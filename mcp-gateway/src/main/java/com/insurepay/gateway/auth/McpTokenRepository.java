package com.insurepay.gateway.auth;

import com.insurepay.common.ids.Timestamps;
import com.insurepay.common.table.PaymentTable;
import com.insurepay.common.table.PaymentTable.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * MCP access tokens in the shared table (common-model/README.md):
 * <ul>
 * <li>item: pk {@code TOKEN#<sha256 hex of the secret>}, sk {@code TOKEN}; attributes in {@link Tokens} (id, name,
 * tenant, scopes, refund ceilings, rate limits, created/expires, revoked), {@code token_bucket}="TOKEN" and
 * {@code ttl_epoch} (DynamoDB deletes the item 30 days after expiry);</li>
 * <li>token by presented secret: GetItem on the hash (consistent read);</li>
 * <li>list: sparse GSI {@code tokens-index} ({@code token_bucket}, {@code created_at}), newest first.</li>
 * </ul>
 */
public class McpTokenRepository {

    static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(30);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._:@-]{1,100}");
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

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

    public IssuedToken create(String name, String tenant, Set<Scope> scopes, TokenLimits limits, Duration ttl) {
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            throw new IllegalArgumentException("a token needs a name of 1 to 100 letters, digits, spaces or . _ : @ -");
        }
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("a token needs a tenant of 1 to 128 letters, digits or . _ : @ -");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope");
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("a token's time to live must be positive");
        }
        String secret = TokenSecrets.newSecret();
        String hash = TokenSecrets.sha256Hex(secret);
        Instant now = clock.instant();
        McpToken token = new McpToken(TokenSecrets.idOf(hash), hash, name.strip(), tenant, scopes, limits, now, now.plus(ttl),
                false, null);
        Map<String, AttributeValue> item = new HashMap<>(key(hash));
        item.put(PaymentTable.ENTITY, s(Tokens.ENTITY_VALUE));
        item.put(PaymentTable.TOKEN_BUCKET, s(Tokens.BUCKET_VALUE));
        item.put(Tokens.TOKEN_ID, s(token.id()));
        item.put(Tokens.NAME, s(token.name()));
        item.put(PaymentTable.TENANT, s(tenant));
        item.put(Tokens.SCOPES, AttributeValue.fromSs(scopes.stream().map(Scope::wireName).toList()));
        item.put(Tokens.REFUND_PER_CALL, amounts(limits.refundPerCall()));
        item.put(Tokens.REFUND_PER_DAY, amounts(limits.refundPerDay()));
        item.put(Tokens.CALLS_PER_MINUTE, AttributeValue.fromN(Integer.toString(limits.callsPerMinute())));
        item.put(Tokens.EMAILS_PER_MINUTE, AttributeValue.fromN(Integer.toString(limits.emailsPerMinute())));
        item.put(PaymentTable.CREATED_AT, s(Timestamps.format(token.createdAt())));
        item.put(PaymentTable.EXPIRES_AT, s(Timestamps.format(token.expiresAt())));
        item.put(Tokens.REVOKED, AttributeValue.fromBool(false));
        item.put(PaymentTable.TTL_ATTRIBUTE,
                AttributeValue.fromN(Long.toString(token.expiresAt().plus(KEEP_AFTER_EXPIRY).getEpochSecond())));
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
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true).key(key(hash))).item();
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
                    .expressionAttributeValues(Map.of(":b", s(Tokens.BUCKET_VALUE)))
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
                client.updateItem(b -> b.tableName(table).key(key(t.hash()))
                        .updateExpression("SET #r = :t, #ra = :now")
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PaymentTable.PK, "#r", Tokens.REVOKED, "#ra", Tokens.REVOKED_AT))
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":now", s(Timestamps.format(now)))));
                revoked.add(new McpToken(t.id(), t.hash(), t.name(), t.tenant(), t.scopes(), t.limits(), t.createdAt(),
                        t.expiresAt(), true, now));
            } catch (ConditionalCheckFailedException gone) {
                // deleted by TTL meanwhile: nothing left to revoke
            }
        }
        return revoked;
    }

    private static Map<String, AttributeValue> key(String hash) {
        return Map.of(PaymentTable.PK, s(PaymentTable.TOKEN_PK_PREFIX + hash), PaymentTable.SK, s(PaymentTable.TOKEN_SK));
    }

    private static McpToken fromItem(Map<String, AttributeValue> item) {
        String hash = item.get(PaymentTable.PK).s().substring(PaymentTable.TOKEN_PK_PREFIX.length());
        AttributeValue revoked = item.get(Tokens.REVOKED);
        AttributeValue revokedAt = item.get(Tokens.REVOKED_AT);
        AttributeValue tenant = item.get(PaymentTable.TENANT);
        AttributeValue scopes = item.get(Tokens.SCOPES);
        Set<Scope> scopeSet = scopes == null || !scopes.hasSs() ? Scope.DEFAULT
                : scopes.ss().stream().map(n -> Scope.valueOf(n.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
        TokenLimits limits = new TokenLimits(amounts(item.get(Tokens.REFUND_PER_CALL)), amounts(item.get(Tokens.REFUND_PER_DAY)),
                number(item.get(Tokens.CALLS_PER_MINUTE), TokenLimits.DEFAULT_CALLS_PER_MINUTE),
                number(item.get(Tokens.EMAILS_PER_MINUTE), TokenLimits.DEFAULT_EMAILS_PER_MINUTE));
        return new McpToken(TokenSecrets.idOf(hash), hash, item.get(Tokens.NAME).s(),
                tenant == null ? com.insurepay.common.payment.Payment.DEFAULT_TENANT : tenant.s(), scopeSet, limits,
                Timestamps.parse(item.get(PaymentTable.CREATED_AT).s()),
                Timestamps.parse(item.get(PaymentTable.EXPIRES_AT).s()),
                revoked != null && Boolean.TRUE.equals(revoked.bool()),
                revokedAt == null ? null : Timestamps.parse(revokedAt.s()));
    }

    private static AttributeValue amounts(Map<String, Long> amounts) {
        Map<String, AttributeValue> m = new HashMap<>();
        amounts.forEach((currency, amount) -> m.put(currency, AttributeValue.fromN(Long.toString(amount))));
        return AttributeValue.fromM(m);
    }

    private static Map<String, Long> amounts(AttributeValue value) {
        Map<String, Long> amounts = new HashMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((currency, amount) -> amounts.put(currency, Long.parseLong(amount.n())));
        }
        return amounts;
    }

    private static int number(AttributeValue value, int fallback) {
        return value == null || value.n() == null ? fallback : Integer.parseInt(value.n());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
