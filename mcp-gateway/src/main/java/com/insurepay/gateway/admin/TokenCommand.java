package com.insurepay.gateway.admin;

import com.insurepay.common.ids.Timestamps;
import com.insurepay.gateway.auth.McpToken;
import com.insurepay.gateway.auth.McpTokenRepository;
import com.insurepay.gateway.auth.Scope;
import com.insurepay.gateway.auth.TokenLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token admin CLI, run through the gateway's jar in command mode (see {@link com.insurepay.gateway.GatewayMain}):
 * <pre>
 * token create --name claude-desktop --tenant acme-travel [--scopes read,purchase,links,cancel,refund] [--ttl 90d]
 *              [--refund-per-call SGD:50000,USD:40000] [--refund-per-day SGD:200000] [--calls-per-minute 60]
 *              [--emails-per-minute 5]
 *                                                  prints the secret ONCE; only its SHA-256 is stored
 * token list                                       id, status, tenant, scopes, limits, created, expires, name
 * token revoke &lt;name-or-id&gt;                         every live token of that name, or the one with that id
 * </pre>
 * Without {@code --scopes} a token gets every scope but refund. Without refund limits it gets the configured
 * defaults ({@code mcp.tokens.default-refund-per-call}/{@code -per-day}). Exit codes: 0 done, 1 nothing matched,
 * 2 usage error; every error is one plain line.
 */
@ApplicationScoped
public class TokenCommand {

    static final Duration DEFAULT_TTL = Duration.ofDays(90);
    static final Duration MAX_TTL = Duration.ofDays(366);
    private static final Pattern TTL = Pattern.compile("(\\d+)\\s*([dhmw])");
    private static final Set<String> VALUED = Set.of("--name", "--tenant", "--scopes", "--ttl", "--refund-per-call",
            "--refund-per-day", "--calls-per-minute", "--emails-per-minute");

    static final String USAGE = """
            Usage:
              token create --name <name> --tenant <tenant> [--scopes read,purchase,links,cancel,refund] [--ttl 90d]
                           [--refund-per-call SGD:50000,...] [--refund-per-day SGD:200000,...]
                           [--calls-per-minute 60] [--emails-per-minute 5]
              token list
              token revoke <name-or-id>""";

    @Inject
    McpTokenRepository tokens;

    @Inject
    Clock clock;

    @ConfigProperty(name = "mcp.tokens.default-refund-per-call")
    String defaultRefundPerCall;

    @ConfigProperty(name = "mcp.tokens.default-refund-per-day")
    String defaultRefundPerDay;

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try {
            return switch (args.get(0)) {
                case "create" -> create(args.subList(1, args.size()), out);
                case "list" -> list(out);
                case "revoke" -> revoke(args.subList(1, args.size()), out, err);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("token: unknown command \"" + args.get(0) + "\" (create, list or revoke; token help shows the options)");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException bad) {
            err.println("token: " + bad.getMessage());
            return 2;
        }
    }

    private int create(List<String> args, PrintStream out) {
        Map<String, String> options = options(args);
        String name = options.get("--name");
        String tenant = options.get("--tenant");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("token create needs --name (e.g. --name claude-desktop)");
        }
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("token create needs --tenant (the insurer whose payments the token may touch)");
        }
        Set<Scope> scopes = options.containsKey("--scopes") ? Scope.parseList(options.get("--scopes")) : Scope.DEFAULT;
        Duration ttl = options.containsKey("--ttl") ? parseTtl(options.get("--ttl")) : DEFAULT_TTL;
        TokenLimits limits = new TokenLimits(
                TokenLimits.parseAmounts(options.getOrDefault("--refund-per-call", defaultRefundPerCall)),
                TokenLimits.parseAmounts(options.getOrDefault("--refund-per-day", defaultRefundPerDay)),
                positive(options, "--calls-per-minute", TokenLimits.DEFAULT_CALLS_PER_MINUTE),
                positive(options, "--emails-per-minute", TokenLimits.DEFAULT_EMAILS_PER_MINUTE));
        McpTokenRepository.IssuedToken issued = tokens.create(name, tenant.strip(), scopes, limits, ttl);
        McpToken t = issued.token();
        out.printf("Created MCP token \"%s\" (id %s) for tenant %s, scopes %s, expires %s.%n", t.name(), t.id(), t.tenant(),
                Scope.names(t.scopes()), Timestamps.format(t.expiresAt()));
        if (t.allows(Scope.REFUND)) {
            out.printf("Refunds: at most %s per refund and %s per day.%n", TokenLimits.format(limits.refundPerCall()),
                    TokenLimits.format(limits.refundPerDay()));
        }
        out.println("Copy it now: it is shown only this once (only its SHA-256 hash is stored).");
        out.println();
        out.println(issued.secret());
        out.println();
        out.println("Use it as the header: Authorization: Bearer <token>");
        return 0;
    }

    private int list(PrintStream out) {
        List<McpToken> all = tokens.list();
        Instant now = clock.instant();
        out.printf("%-12s  %-8s  %-16s  %-30s  %-24s  %-24s  %s%n", "ID", "STATUS", "TENANT", "SCOPES", "CREATED", "EXPIRES", "NAME");
        for (McpToken t : all) {
            out.printf("%-12s  %-8s  %-16s  %-30s  %-24s  %-24s  %s%n", t.id(), t.statusAt(now), t.tenant(),
                    Scope.names(t.scopes()), Timestamps.format(t.createdAt()), Timestamps.format(t.expiresAt()), t.name());
        }
        out.printf("%d token(s)%n", all.size());
        return 0;
    }

    private int revoke(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).isBlank()) {
            throw new IllegalArgumentException("token revoke needs exactly one name or id");
        }
        List<McpToken> revoked = tokens.revoke(args.get(0));
        if (revoked.isEmpty()) {
            err.printf("token: no live token with name or id \"%s\"%n", args.get(0));
            return 1;
        }
        for (McpToken t : revoked) {
            out.printf("Revoked %s (%s).%n", t.id(), t.name());
        }
        out.println("Running gateways stop accepting it within mcp.auth.cache-ttl (5 s by default).");
        return 0;
    }

    /** "--name x", "--name=x"; an unknown option or a missing value is a usage error. */
    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int eq = a.indexOf('=');
            String key = eq > 0 ? a.substring(0, eq) : a;
            if (!VALUED.contains(key)) {
                throw new IllegalArgumentException("unknown option " + a + " (token help shows the options)");
            }
            if (eq > 0) {
                options.put(key, a.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                options.put(key, args.get(++i));
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return options;
    }

    private static int positive(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, got " + value);
    }

    static Duration parseTtl(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration ttl;
        Matcher m = TTL.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            ttl = switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
        } else {
            try {
                ttl = Duration.parse(value.toUpperCase(Locale.ROOT).startsWith("P") ? value.toUpperCase(Locale.ROOT)
                        : "P" + value.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--ttl must look like 90d, 12h, 30m or 2w, got " + text);
            }
        }
        if (ttl.isZero() || ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("--ttl must be more than 0 and at most 366d, got " + text);
        }
        return ttl;
    }
}
