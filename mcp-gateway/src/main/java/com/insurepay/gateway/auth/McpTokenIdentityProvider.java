package com.insurepay.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Resolves a bearer secret to the token's identity (principal = the token's name, role {@code mcp-client}). */
@ApplicationScoped
public class McpTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String ROLE = "mcp-client";
    /** The {@link McpToken} behind the identity: tenant, scopes and limits. */
    public static final String TOKEN_ATTRIBUTE = "mcp.token";

    @Inject
    TokenValidator validator;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // DynamoDB's client blocks: leave the event loop.
        return context.runBlocking(() -> validator.validate(request.getToken().getToken())
                .map(token -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(token.name()))
                        .addRole(ROLE)
                        .addAttribute(TOKEN_ATTRIBUTE, token)
                        .build())
                .orElseThrow(AuthenticationFailedException::new));
    }
}
