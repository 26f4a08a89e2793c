package com.insurepay.checkout.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.regex.Pattern;

/**
 * The MCP request id and the assistant's conversation id of the API call being served, as mcp-gateway sends them
 * ({@code X-Insurepay-Request-Id}, {@code X-Insurepay-Conversation-Id}; trusted only with the service token),
 * recorded with the history entries and refund requests the call writes. Scheduled work has neither.
 */
@RequestScoped
public class CallTrace {

    public static final String REQUEST_ID_HEADER = "X-Insurepay-Request-Id";
    public static final String CONVERSATION_ID_HEADER = "X-Insurepay-Conversation-Id";
    /** Visible ASCII, bounded: safe in the table and in logs. Anything else is not recorded (it never fails a call). */
    private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /** The ids of one call; both null outside a request. */
    public record Ids(String requestId, String conversationId) {
        public static final Ids NONE = new Ids(null, null);
    }

    private Ids ids = Ids.NONE;

    public void set(String requestId, String conversationId) {
        this.ids = new Ids(visible(requestId), visible(conversationId));
    }

    public Ids ids() {
        return ids;
    }

    /** The current call's ids, or {@link Ids#NONE} in scheduled work (no request context). */
    public static Ids current() {
        ManagedContext requests = Arc.container().requestContext();
        return requests.isActive() ? Arc.container().instance(CallTrace.class).get().ids() : Ids.NONE;
    }

    /** A change asked for through the API by {@code actor}, with the current call's ids. */
    public static com.insurepay.common.payment.TransitionCause api(String detail, String actor) {
        Ids ids = current();
        return com.insurepay.common.payment.TransitionCause.api(detail).by(actor).traced(ids.requestId(), ids.conversationId());
    }

    private static String visible(String value) {
        return value != null && VISIBLE.matcher(value.trim()).matches() ? value.trim() : null;
    }
}
