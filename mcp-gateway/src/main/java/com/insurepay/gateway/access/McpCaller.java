package com.insurepay.gateway.access;

import com.insurepay.gateway.auth.McpToken;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is behind the tool call being served: the token (tenant, scopes, limits), the MCP request id and the
 * conversation the assistant named. Filled by {@link ToolAccess} when a tool starts; read by
 * {@link com.insurepay.gateway.client.CallerHeadersFactory} to tell checkout-service.
 */
@RequestScoped
public class McpCaller {

    private McpToken token;
    private String requestId;
    private String conversationId;

    void set(McpToken token, String requestId, String conversationId) {
        this.token = token;
        this.requestId = requestId;
        this.conversationId = conversationId;
    }

    public McpToken token() {
        return token;
    }

    public String requestId() {
        return requestId;
    }

    public String conversationId() {
        return conversationId;
    }
}
