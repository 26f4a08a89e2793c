package com.insurepay.gateway.auth;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * DNS-rebinding and cross-site protection for {@code /mcp}, for every way the gateway is deployed. The extension's
 * own check ({@code quarkus.mcp.server.http.dns-rebinding-check.enabled}, kept on) only acts when the server is bound
 * to localhost; behind a real host name this guard applies the configured lists:
 * <ul>
 * <li>{@code Host} must be one of {@code mcp.http.allowed-hosts} (env MCP_ALLOWED_HOSTS; {@code *} accepts any),
 * else 400: a rebound name (evil.example resolving to 127.0.0.1) never reaches the tools;</li>
 * <li>an {@code Origin}, when a browser sends one, must be one of {@code mcp.http.allowed-origins} (env
 * MCP_ALLOWED_ORIGINS) or a localhost origin, else 403. MCP clients that are not browsers send no Origin.</li>
 * </ul>
 */
@ApplicationScoped
public class RebindingGuard {

    private static final Logger LOG = Logger.getLogger(RebindingGuard.class);

    @ConfigProperty(name = "mcp.http.guard.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "mcp.http.allowed-hosts", defaultValue = "localhost,127.0.0.1,[::1]")
    List<String> allowedHosts;

    @ConfigProperty(name = "mcp.http.allowed-origins",
            defaultValue = "http://localhost,https://localhost,http://127.0.0.1,https://127.0.0.1,http://[::1],https://[::1]")
    List<String> allowedOrigins;

    @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp")
    String rootPath;

    void install(@Observes Router router) {
        if (!enabled) {
            LOG.warn("mcp.http.guard.enabled=false: Host and Origin of MCP requests are not checked");
            return;
        }
        router.routeWithRegex("^" + java.util.regex.Pattern.quote(rootPath) + "(/.*)?$").order(-100).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String host = hostOf(request);
        if (host == null || !hostAllowed(host)) {
            LOG.debugf("MCP request with Host %s refused", host);
            context.response().setStatusCode(400).end("Host not allowed");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !originAllowed(origin)) {
            LOG.debugf("MCP request with Origin %s refused", origin);
            context.response().setStatusCode(403).end("Origin not allowed");
            return;
        }
        context.next();
    }

    private static String hostOf(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority != null) {
            String h = authority.host();
            return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
        }
        return null;
    }

    boolean hostAllowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        Set<String> allowed = allowedHosts.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return allowed.contains("*") || allowed.contains(h) || ("[::1]".equals(h) && allowed.contains("::1"));
    }

    /** Exact origin, or scheme://host from the list matching any port. */
    boolean originAllowed(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        for (String entry : allowedOrigins) {
            String a = entry.strip().toLowerCase(Locale.ROOT);
            if (a.equals("*") || a.equals(o)) {
                return true;
            }
            try {
                URI candidate = URI.create(o);
                URI allowed = URI.create(a);
                if (allowed.getPort() == -1 && candidate.getScheme() != null && candidate.getScheme().equals(allowed.getScheme())
                        && candidate.getHost() != null && candidate.getHost().equals(allowed.getHost())) {
                    return true;
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        return false;
    }
}
