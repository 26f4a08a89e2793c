package com.insurepay.gateway.access;

import com.insurepay.gateway.auth.McpToken;
import com.insurepay.gateway.auth.McpTokenIdentityProvider;
import com.insurepay.gateway.auth.Scope;
import io.quarkiverse.mcp.server.FilterContext;
import io.quarkiverse.mcp.server.McpMethod;
import io.quarkiverse.mcp.server.ToolFilter;
import io.quarkiverse.mcp.server.ToolManager.ToolInfo;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * {@code tools/list} shows a token only the tools its scopes allow, so a model is not even tempted. A call of another
 * tool still reaches the tool, which answers with a tool error the model can explain ({@link ToolAccess}), rather
 * than the protocol error an unlisted tool would give.
 */
@Singleton
public class ScopeToolFilter implements ToolFilter {

    @Inject
    CurrentIdentityAssociation identities;

    @Override
    public boolean test(ToolInfo tool, FilterContext context) {
        if (context.method() != McpMethod.TOOLS_LIST) {
            return true;
        }
        var identity = identities.getIdentity();
        McpToken token = identity == null ? null : identity.getAttribute(McpTokenIdentityProvider.TOKEN_ATTRIBUTE);
        return token != null && Scope.isKnownTool(tool.name()) && token.allows(Scope.of(tool.name()));
    }
}
