package com.insurepay.gateway.client;

import com.insurepay.gateway.access.McpCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Tells checkout-service who is calling: the token's tenant (every read and write is scoped by it there), the actor
 * recorded in the payment's history, the MCP request id and the conversation id. checkout-service trusts these
 * headers only because the call also carries the service token; only the gateway has both.
 */
@ApplicationScoped
public class CallerHeadersFactory implements ClientHeadersFactory {

    public static final String TENANT = "X-Insurepay-Tenant";
    public static final String ACTOR = "X-Insurepay-Actor";
    public static final String REQUEST_ID = "X-Insurepay-Request-Id";
    public static final String CONVERSATION_ID = "X-Insurepay-Conversation-Id";

    @Inject
    McpCaller caller;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (caller.token() != null) {
            headers.putSingle(TENANT, caller.token().tenant());
            headers.putSingle(ACTOR, caller.token().actor());
        }
        if (caller.requestId() != null) {
            headers.putSingle(REQUEST_ID, caller.requestId());
        }
        if (caller.conversationId() != null) {
            headers.putSingle(CONVERSATION_ID, caller.conversationId());
        }
        return headers;
    }
}
