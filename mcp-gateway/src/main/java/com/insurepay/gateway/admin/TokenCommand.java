package com.insurepay.gateway.admin;

import com.insurepay.common.ids.Timestamps;
import com.insurepay.gateway.auth.McpToken;
import com.insurepay.gateway.auth.McpTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token admin CLI, run through the gateway's jar in command mode (see {@link com.insurepay.gateway.GatewayMain}):
 * <pre>
 * token create --name claude-desktop [--ttl 90d]   prints the secret ONCE; only its SHA-256 is stored
 * token list                                       id, name, status, created, expires
 * token revoke &lt;name-or-id&gt;                         every live token of that name, or the one with that id
 * </pre>
 * Exit codes: 0 done, 1 nothing matched, 2 usage error.
 */
@ApplicationScoped
public class TokenCommand {

    static final Duration DEFAULT_TTL = Duration.ofDays(90);
    static final Duration MAX_TTL = Duration.ofDays(366);
    private static final Pattern TTL = Pattern.compile("(\\d+)\\s*([dhmw])");

    static final String USAGE = """
            Usage:
              token create --name <name> [--ttl <n>d|<n>h|<n>m|<n>w]   (default 90d, at most 366d)
              token list
              token revoke <name-or-id>""";

    @Inject
    McpTokenRepository tokens;

    @Inject
    Clock clock;

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try {
            return switch (args.get(0)) {
                case "create" -> create(args.subList(1, args.size()), out, err);
                case "list" -> list(out);
                case "revoke" -> revoke(args.subList(1, args.size()), out, err);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("Unknown command: token " + args.get(0));
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException bad) {
            err.println(bad.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private int create(List<String> args, PrintStream out, PrintStream err) {
        String name = null;
        Duration ttl = DEFAULT_TTL;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--name") || a.equals("--ttl")) && i + 1 >= args.size()) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            switch (a) {
                case "--name" -> name = args.get(++i);
                case "--ttl" -> ttl = parseTtl(args.get(++i));
                default -> {
                    if (a.startsWith("--name=")) {
                        name = a.substring(7);
                    } else if (a.startsWith("--ttl=")) {
                        ttl = parseTtl(a.substring(6));
                    } else {
                        throw new IllegalArgumentException("Unknown option: " + a);
                    }
                }
            }
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("token create needs --name");
        }
        McpTokenRepository.IssuedToken issued = tokens.create(name, ttl);
        McpToken t = issued.token();
        out.printf("Created MCP token \"%s\" (id %s), expires %s.%n", t.name(), t.id(), Timestamps.format(t.expiresAt()));
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
        out.printf("%-12s  %-8s  %-24s  %-24s  %s%n", "ID", "STATUS", "CREATED", "EXPIRES", "NAME");
        for (McpToken t : all) {
            out.printf("%-12s  %-8s  %-24s  %-24s  %s%n", t.id(), t.statusAt(now), Timestamps.format(t.createdAt()),
                    Timestamps.format(t.expiresAt()), t.name());
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
            err.printf("No live token with name or id \"%s\".%n", args.get(0));
            return 1;
        }
        for (McpToken t : revoked) {
            out.printf("Revoked %s (%s).%n", t.id(), t.name());
        }
        out.println("Running gateways stop accepting it within mcp.auth.cache-ttl (5 s by default).");
        return 0;
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
