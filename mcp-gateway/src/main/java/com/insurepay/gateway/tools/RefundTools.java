package com.insurepay.gateway.tools;

import com.insurepay.gateway.client.CheckoutClient;
import com.insurepay.gateway.client.CheckoutRequests;
import com.insurepay.gateway.client.RefundView;
import com.insurepay.gateway.tools.Results.RefundResult;
import io.quarkiverse.mcp.server.Tool;
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

    @Tool(name = "refund_payment", structuredContent = true,
            description = """
                    Refund a PAID payment (completed or partially_refunded), fully or partly. Money goes back to the \
                    customer's card; this cannot be undone, so confirm with the customer first. amount is in minor \
                    units (7500 = SGD 75.00); leave it out to refund everything that remains. Never more than was \
                    paid. Repeating the same call (same payment, amount and request_id) returns the first refund \
                    instead of refunding twice; to make a SECOND partial refund of the same amount pass a new \
                    request_id. An unpaid payment cannot be refunded: use cancel_payment. Returns refund_id, \
                    refund_status, refunded_amount and refundable_amount (what remains).""",
            annotations = @Tool.Annotations(title = "Refund a paid payment", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = true, openWorldHint = true))
    public RefundResult refundPayment(
            @ToolArg(name = "payment_intent_id", description = "The paid payment's id (starts with pay_).") String paymentIntentId,
            @ToolArg(name = "amount", description = "Optional: amount to refund in minor units (7500 = SGD 75.00); default: all that remains.", required = false) Long amount,
            @ToolArg(name = "reason", description = "Optional: requested_by_customer, duplicate or fraudulent.", required = false) String reason,
            @ToolArg(name = "request_id", description = "Optional: your id for this refund request (any short text); a new one makes an otherwise identical refund count as a separate refund.", required = false) String requestId) {
        String key = idempotencyKey(paymentIntentId, amount, requestId);
        RefundView r = ToolErrors.call("refund_payment",
                () -> checkout.refund(paymentIntentId, key, new CheckoutRequests.Refund(amount, reason)));
        return new RefundResult(r.refundId(), r.paymentIntentId(), r.amount(), r.currency(), r.amountDisplay(), r.reason(),
                r.refundStatus(), r.refundedAmount(), r.refundableAmount(), r.paymentStatus(), requestId,
                "Refunded " + r.amountDisplay() + "; it usually reaches the customer's card within 5 to 10 business days.");
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
