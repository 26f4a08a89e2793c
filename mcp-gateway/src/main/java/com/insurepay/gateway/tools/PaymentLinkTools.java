package com.insurepay.gateway.tools;

import com.insurepay.gateway.client.CheckoutClient;
import com.insurepay.gateway.client.CheckoutRequests;
import com.insurepay.gateway.client.EmailSentView;
import com.insurepay.gateway.client.PaymentLinkView;
import com.insurepay.gateway.tools.Results.PaymentLinkResult;
import com.insurepay.gateway.tools.Results.PaymentLinkSent;
import com.insurepay.gateway.tools.Results.QuoteSaved;
import com.insurepay.gateway.access.ToolAccess;
import io.quarkiverse.mcp.server.RequestId;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import jakarta.inject.Inject;

/** Pay later: a payment link per quote, valid 7 days, e-mailed to the customer and retrievable again. */
public class PaymentLinkTools {

    @Inject
    CheckoutClient checkout;

    @Inject
    ToolAccess access;

    @Tool(name = "save_quote_for_later", structuredContent = true,
            description = """
                    Save a quote the customer wants to pay later: creates a payment link valid for 7 days that can be \
                    paid once, on any device. Use it when the customer wants to think about it or pay from another \
                    device. Pass quote_token, the insurer's signed quote: the price comes from it; amount/currency/ \
                    product_name are optional checks (an error tells you what the quote says if they disagree). \
                    Amounts are minor units: 15000 = SGD 150.00. Calling it again for the same quote while its link \
                    is live returns that link (new_link=false). Returns payment_link_url and expires_at. Next: call \
                    send_payment_link to e-mail it, or give payment_link_url to the customer.""",
            annotations = @Tool.Annotations(title = "Save a quote and create a payment link", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = true, openWorldHint = true))
    public QuoteSaved saveQuoteForLater(
            @ToolArg(name = "quote_id", description = "The quote's id, e.g. quote-7.") String quoteId,
            @ToolArg(name = "user_id", description = "The customer's id.") String userId,
            @ToolArg(name = "customer_email", description = "The customer's e-mail, where the link can be sent.") String customerEmail,
            @ToolArg(name = "quote_token", description = "The insurer's signed quote (a JWT string) for this quote_id.",
                    required = false) String quoteToken,
            @ToolArg(name = "product_name", description = "Optional check: what the customer buys, e.g. Travel Insurance - Gold.",
                    required = false) String productName,
            @ToolArg(name = "amount", description = "Optional check: the premium you expect in minor units (15000 = SGD 150.00).",
                    required = false) Long amount,
            @ToolArg(name = "currency", description = "Optional check: ISO 4217 code, e.g. SGD.", required = false) String currency,
            @ToolArg(name = "policy_id", description = "Optional: the policy id already selected for this quote.",
                    required = false) String policyId,
            @ToolArg(name = "notes", description = "Optional: a short note kept with the quote, e.g. wants to discuss with spouse.",
                    required = false) String notes,
            @ToolArg(name = "conversation_id", description = PurchaseTools.CONVERSATION, required = false) String conversationId,
            RequestId requestId) {
        try (ToolAccess.Call call = access.begin("save_quote_for_later", requestId, conversationId)) {
            CheckoutClient.Created<PaymentLinkView> saved = ToolErrors.call("save_quote_for_later",
                    () -> checkout.savePaymentLink(quoteId, new CheckoutRequests.SavePaymentLink(userId, customerEmail, quoteToken,
                            productName, amount, currency == null || currency.isBlank() ? null : currency, policyId, notes)));
            PaymentLinkView l = saved.body();
            call.payment(l.paymentIntentId());
            return call.ok(new QuoteSaved(l.quoteId(), l.paymentLinkId(), l.paymentLinkUrl(), l.paymentIntentId(), l.amount(),
                    l.currency(), l.amountDisplay(), l.productName(), l.expiresAt(), l.isActive(), saved.created(),
                    "Quote saved; the payment link is valid until " + l.expiresAt()
                            + ". Call send_payment_link to e-mail it, or give payment_link_url to the customer."));
        }
    }

    @Tool(name = "send_payment_link", structuredContent = true,
            description = """
                    E-mail the saved payment link of a quote to the customer (HTML and text mail). Use it after \
                    save_quote_for_later, or to send a reminder. Each call sends one e-mail. If the quote was never \
                    saved you get an error: call save_quote_for_later first. Returns where and when it was sent.""",
            annotations = @Tool.Annotations(title = "E-mail the payment link", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = false, openWorldHint = true))
    public PaymentLinkSent sendPaymentLink(
            @ToolArg(name = "quote_id", description = "The saved quote's id.") String quoteId,
            @ToolArg(name = "customer_email", description = "Where to send the link.") String customerEmail,
            @ToolArg(name = "customer_name", description = "Optional: the customer's name for the greeting.",
                    required = false) String customerName,
            @ToolArg(name = "conversation_id", description = PurchaseTools.CONVERSATION, required = false) String conversationId,
            RequestId requestId) {
        try (ToolAccess.Call call = access.begin("send_payment_link", requestId, conversationId)) {
            EmailSentView sent = ToolErrors.call("send_payment_link",
                    () -> checkout.sendPaymentLink(quoteId, new CheckoutRequests.SendPaymentLink(customerEmail, customerName)));
            return call.ok(new PaymentLinkSent(true, sent.quoteId(), sent.sentTo(), sent.sentAt(), sent.paymentLinkUrl(),
                    "Payment link sent to " + sent.sentTo() + "."));
        }
    }

    @Tool(name = "get_payment_link", structuredContent = true,
            description = """
                    Get the payment link of a saved quote again, e.g. when the customer lost the e-mail. If the old \
                    link expired, a fresh one (7 days) is returned instead. Returns payment_link_url, expires_at, \
                    is_active and the payment_status (completed means the quote is already paid: do not ask to pay \
                    again). If the quote was never saved you get an error: call save_quote_for_later first.""",
            annotations = @Tool.Annotations(title = "Get a quote's payment link", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = true))
    public PaymentLinkResult getPaymentLink(
            @ToolArg(name = "quote_id", description = "The saved quote's id.") String quoteId,
            @ToolArg(name = "conversation_id", description = PurchaseTools.CONVERSATION, required = false) String conversationId,
            RequestId requestId) {
        try (ToolAccess.Call call = access.begin("get_payment_link", requestId, conversationId)) {
            PaymentLinkView l = ToolErrors.call("get_payment_link", () -> checkout.paymentLink(quoteId));
            call.payment(l.paymentIntentId());
            String next = "completed".equals(l.paymentStatus()) ? "Already paid: no payment is needed."
                    : "Give the customer payment_link_url; it is valid until " + l.expiresAt() + ".";
            return call.ok(new PaymentLinkResult(l.quoteId(), l.paymentLinkId(), l.paymentLinkUrl(), l.paymentIntentId(), l.amount(),
                    l.currency(), l.amountDisplay(), l.productName(), l.expiresAt(), l.isActive(), l.paymentStatus(),
                    l.sentAt(), l.sentTo(), next));
        }
    }
}
