package com.insurepay.gateway.access;

import com.insurepay.gateway.auth.McpToken;
import com.insurepay.gateway.auth.McpTokenIdentityProvider;
import com.insurepay.gateway.auth.Scope;
import io.quarkiverse.mcp.server.RequestId;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The gate every tool call passes: the token's scope for the tool (a tool error otherwise, never a protocol error),
 * its rate limit, the conversation id's shape; then it records who is calling for checkout-service and, when the
 * call ends, writes ONE structured log line (token id, tool, payment id, outcome, latency; never customer data).
 */
@ApplicationScoped
public class ToolAccess {

    private static final Logger LOG = Logger.getLogger("com.insurepay.gateway.audit");
    private static final Pattern CONVERSATION = Pattern.compile("[\\x21-\\x7E]{1,200}");

    @Inject
    SecurityIdentity identity;

    @Inject
    McpCaller caller;

    @Inject
    RateLimiter limiter;

    /** One tool call in progress; close it (try-with-resources) to log its outcome. */
    public final class Call implements AutoCloseable {

        private final String tool;
        private final McpToken token;
        private final String requestId;
        private final long startedNanos = System.nanoTime();
        private String paymentId;
        private boolean succeeded;

        private Call(String tool, McpToken token, String requestId) {
            this.tool = tool;
            this.token = token;
            this.requestId = requestId;
        }

        public McpToken token() {
            return token;
        }

        /** The payment the call is about, for the log line (ids only). */
        public void payment(String id) {
            this.paymentId = id;
        }

        public <T> T ok(T result) {
            succeeded = true;
            return result;
        }

        @Override
        public void close() {
            long millis = (System.nanoTime() - startedNanos) / 1_000_000;
            MDC.put("token_id", token.id());
            MDC.put("tool", tool);
            MDC.put("outcome", succeeded ? "ok" : "error");
            MDC.put("latency_ms", Long.toString(millis));
            if (paymentId != null) {
                MDC.put("payment_id", paymentId);
            }
            if (requestId != null) {
                MDC.put("mcp_request_id", requestId);
            }
            try {
                LOG.infof("tool_call token=%s tool=%s payment=%s outcome=%s latency_ms=%d", token.id(), tool,
                        paymentId == null ? "-" : paymentId, succeeded ? "ok" : "error", millis);
            } finally {
                MDC.remove("token_id");
                MDC.remove("tool");
                MDC.remove("outcome");
                MDC.remove("latency_ms");
                MDC.remove("payment_id");
                MDC.remove("mcp_request_id");
            }
        }
    }

    /**
     * @throws ToolCallException when the token's scopes do not include the tool's, the token is over its rate limit,
     *         or the conversation id is malformed
     */
    public Call begin(String tool, RequestId requestId, String conversationId) {
        McpToken token = tokenOf(identity);
        Scope needed = Scope.of(tool);
        if (!token.allows(needed)) {
            LOG.infof("tool_call token=%s tool=%s outcome=refused_scope", token.id(), tool);
            throw new ToolCallException("This assistant's access does not include " + tool + " (it needs the '"
                    + needed.wireName() + "' permission, and this token has " + Scope.names(token.scopes())
                    + "). Tell the user that a person with the right access has to do this.");
        }
        long wait = limiter.admit(token, tool);
        if (wait > 0) {
            LOG.infof("tool_call token=%s tool=%s outcome=rate_limited", token.id(), tool);
            throw new ToolCallException("Too many requests from this assistant right now"
                    + (RateLimiter.EMAIL_TOOL.equals(tool) ? " (e-mails are limited to " + token.limits().emailsPerMinute() + " per minute)"
                            : " (" + token.limits().callsPerMinute() + " per minute)")
                    + "; wait " + wait + " seconds, then try again.");
        }
        if (conversationId != null && !CONVERSATION.matcher(conversationId).matches()) {
            throw new ToolCallException("The argument conversation_id is invalid: use 1 to 200 visible characters without spaces.");
        }
        String mcpRequestId = requestId == null || requestId.value() == null ? null : String.valueOf(requestId.value());
        caller.set(token, mcpRequestId, conversationId);
        return new Call(tool, token, mcpRequestId);
    }

    static McpToken tokenOf(SecurityIdentity identity) {
        McpToken token = identity == null ? null : identity.getAttribute(McpTokenIdentityProvider.TOKEN_ATTRIBUTE);
        if (token == null) {
            throw new ToolCallException("This assistant is not signed in to the payment service; an operator must configure its token.");
        }
        return token;
    }
}
