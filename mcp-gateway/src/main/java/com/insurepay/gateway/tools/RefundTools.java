package com.insurepay.gateway.tools;

import com.insurepay.gateway.client.CheckoutClient;
import com.insurepay.gateway.client.CheckoutRequests;
import com.insurepay.gateway.client.RefundView;
import com.insurepay.gateway.tools.Results.RefundResult;
import com.insurepay.common.money.Money;
import com.insurepay.gateway.access.RefundGuard;
import com.insurepay.gateway.access.ToolAccess;
import com.insurepay.gateway.client.PaymentView;
import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.ElicitationRequest;
import io.quarkiverse.mcp.server.ElicitationResponse;
import io.quarkiverse.mcp.server.RequestId;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolCallException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.quarkiverse.mcp.server.ToolArg;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Change of mind after paying: refund fully or partly, once per request. */
public class RefundTools {

    @Inject
    CheckoutClient checkout;

    @Inject
    ToolAccess access;

    @Inject
    RefundGuard guard;

    @ConfigProperty(name = "mcp.refunds.confirmation-timeout", defaultValue = "PT2M")
    Duration confirmationTimeout;

    @Tool(name = "refund_payment", structuredContent = true,
            description = """
                    Refund a PAID payment (completed, partially_refunded, or paid_after_close), fully or partly. Money \
                    goes back to the customer's card; this cannot be undone, so confirm with the customer first (when \
                    your client supports it, the user is asked to confirm the exact amount before anything happens). \
                    amount is in minor units (7500 = SGD 75.00); leave it out to refund everything that remains. \
                    Never more than was paid, and never more than this assistant's refund limits: above them the \
                    answer says a human must approve, and nothing is refunded. Repeating the same call (same payment, \
                    amount and request_id) returns the first refund instead of refunding twice; to make a SECOND \
                    partial refund of the same amount pass a new request_id. An unpaid payment cannot be refunded: use \
                    cancel_payment. Returns refund_id, refund_status, refunded_amount and refundable_amount.""",
            annotations = @Tool.Annotations(title = "Refund a paid payment", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = true, openWorldHint = true))
    public RefundResult refundPayment(
            @ToolArg(name = "payment_intent_id", description = "The paid payment's id (starts with pay_).") String paymentIntentId,
            @ToolArg(name = "amount",
                    description = "Optional: amount to refund in minor units (7500 = SGD 75.00); default: all that remains.",
                    required = false) Long amount,
            @ToolArg(name = "reason", description = "Optional: requested_by_customer, duplicate or fraudulent.",
                    required = false) String reason,
            @ToolArg(name = "request_id",
                    description = "Optional: your id for this refund request (any short text); a new one makes an otherwise identical refund count as a separate refund.",
                    required = false) String requestId,
            @ToolArg(name = "conversation_id", description = PurchaseTools.CONVERSATION, required = false) String conversationId,
            RequestId mcpRequestId,
            Elicitation elicitation) {
        try (ToolAccess.Call call = access.begin("refund_payment", mcpRequestId, conversationId)) {
            call.payment(paymentIntentId);
            // What would be refunded, in which currency: the limits and the confirmation are about real money.
            PaymentView payment = ToolErrors.call("refund_payment", () -> checkout.payment(paymentIntentId));
            long refundable = payment.refundableAmount() == null ? 0 : payment.refundableAmount();
            if (amount != null && amount <= 0) {
                throw new ToolCallException("The argument amount must be a positive number of minor units (7500 = SGD 75.00).");
            }
            long wanted = amount == null ? refundable : Math.min(amount, Math.max(refundable, 0));
            if (wanted > 0) {
                Money money = new Money(wanted, payment.currency());
                guard.checkPerCall(call.token(), money);
                confirm(elicitation, payment, money, reason);
            }
            RefundGuard.Reservation held = wanted > 0 ? guard.reserve(call.token(), new Money(wanted, payment.currency())) : null;
            String key = idempotencyKey(paymentIntentId, amount, requestId);
            RefundView r;
            try {
                r = ToolErrors.call("refund_payment",
                        () -> checkout.refund(paymentIntentId, key, new CheckoutRequests.Refund(amount, reason)));
            } catch (RuntimeException refused) {
                if (held != null) {
                    guard.release(held);
                }
                throw refused;
            }
            return call.ok(new RefundResult(r.refundId(), r.paymentIntentId(), r.amount(), r.currency(), r.amountDisplay(),
                    r.reason(), r.refundStatus(), r.refundedAmount(), r.refundableAmount(), r.paymentStatus(), requestId,
                    "Refunded " + r.amountDisplay() + "; it usually reaches the customer's card within 5 to 10 business days."));
        }
    }

    /**
     * Where the client can ask its user (MCP elicitation), the user confirms the exact refund first; declining,
     * cancelling or not answering in time refunds nothing. A client without elicitation relies on the model having
     * confirmed with the customer, within the token's limits.
     */
    private void confirm(Elicitation elicitation, PaymentView payment, Money money, String reason) {
        if (elicitation == null || !elicitation.isSupported()) {
            return;
        }
        ElicitationResponse answer;
        try {
            answer = elicitation.requestBuilder()
                    .setMessage("Refund " + money.format() + " of payment " + payment.paymentIntentId() + " ("
                            + payment.productName() + ", paid " + payment.amountDisplay() + ")"
                            + (reason == null ? "" : ", reason: " + reason)
                            + "? The money goes back to the customer's card; this cannot be undone.")
                    .addSchemaProperty("confirm", new ElicitationRequest.BooleanSchema("Confirm the refund",
                            "Yes: refund " + money.format(), false, true))
                    .setTimeout(confirmationTimeout)
                    .build().sendAndAwait();
        } catch (RuntimeException noAnswer) {
            throw new ToolCallException("The refund was not confirmed in time; nothing was refunded. Ask the user again.");
        }
        boolean confirmed = answer != null && answer.actionAccepted() && answer.content() != null
                && Boolean.TRUE.equals(answer.content().getBoolean("confirm"));
        if (!confirmed) {
            throw new ToolCallException("The user did not confirm the refund of " + money.format() + "; nothing was refunded.");
        }
    }

    /**
     * One refund request = one key: the payment, the amount (or "rest" for a full refund) and the caller's
     * request_id. A model that retries after a timeout sends the same arguments, so checkout-service (and Stripe)
     * answer with the first refund instead of making a second one.
     */
    static String idempotencyKey(String paymentIntentId, Long amount, String requestId) {
        String material = paymentIntentId + "|" + (amount == null ? "rest" : amount.toString()) + "|"
                + (requestId == null ? "" : requestId.strip());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "mcp-refund-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
