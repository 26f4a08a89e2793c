package com.insurepay.gateway.auth;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code Authorization: Bearer mcp_…} for the MCP endpoints. The MCP routes are Vert.x routes, so this is a
 * quarkus-security mechanism (JAX-RS filters would never see them); {@code quarkus.http.auth.permission.mcp}
 * requires an authenticated identity on {@code /mcp} and {@code /mcp/*}, and a request without one gets
 * 401 with {@code WWW-Authenticate: Bearer}.
 * <p>
 * {@code mcp.auth.enabled=false} (only meant for {@code %dev}) lets every request in as "dev-open"; a production
 * launch refuses to start that way.
 */
@ApplicationScoped
public class BearerTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerTokenAuthenticationMechanism.class);
    static final String CHALLENGE = "Bearer realm=\"insurepay-mcp\"";
    private static final SecurityIdentity OPEN = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("dev-open")).addRole(McpTokenIdentityProvider.ROLE)
            .addAttribute(McpTokenIdentityProvider.TOKEN_ATTRIBUTE, McpToken.devOpen()).build();

    @ConfigProperty(name = "mcp.auth.enabled", defaultValue = "true")
    boolean enabled;

    void refuseOpenProduction(@Observes StartupEvent start) {
        if (!enabled) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException("mcp.auth.enabled=false is only allowed in dev mode: the MCP endpoint would be open");
            }
            LOG.warn("MCP authentication is OFF (mcp.auth.enabled=false): anyone reaching this port can use the payment tools");
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!enabled) {
            return Uni.createFrom().item(OPEN);
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Uni.createFrom().nullItem(); // anonymous: the permission policy turns it into a 401 challenge
        }
        if (header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not a bearer token"));
        }
        String secret = header.substring(7).strip();
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(secret, "bearer"));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
