package com.insurepay.gateway.tools;

import com.insurepay.gateway.client.CheckoutClient;
import com.insurepay.gateway.client.CheckoutRequests;
import com.insurepay.gateway.client.PaymentPage;
import com.insurepay.gateway.client.PaymentView;
import com.insurepay.gateway.client.PolicyView;
import com.insurepay.gateway.tools.Results.CheckoutWidgetData;
import com.insurepay.gateway.tools.Results.PaymentCancelled;
import com.insurepay.gateway.tools.Results.PaymentList;
import com.insurepay.gateway.tools.Results.PaymentStatusResult;
import com.insurepay.gateway.tools.Results.PaymentSummary;
import com.insurepay.gateway.tools.Results.PolicyIssued;
import com.insurepay.gateway.tools.Results.PurchaseStarted;
import com.insurepay.gateway.tools.Results.Widget;
import com.insurepay.gateway.access.ToolAccess;
import com.insurepay.gateway.tools.Results.HistoryLine;
import io.quarkiverse.mcp.server.RequestId;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import jakarta.inject.Inject;
import java.util.List;

/** Buy now and look back: start a checkout, follow it, issue the policy, cancel, list a customer's payments. */
public class PurchaseTools {

    /** The optional conversation_id argument every tool takes. */
    static final String CONVERSATION = "Optional: your id for this conversation (any short text without spaces), recorded with what this call changes.";

    @Inject
    CheckoutClient checkout;

    @Inject
    ToolAccess access;

    @Tool(name = "initiate_purchase", structuredContent = true,
            description = """
                    Start paying for an insurance quote the customer has accepted: creates a secure hosted checkout \
                    page (valid 24 hours) and returns its checkout_url. Use it when the customer says they want to \
                    buy now. Pass quote_token, the insurer's signed quote you received with the quote: the price, \
                    currency and product come from it, never from you. amount/currency/product_name are optional \
                    checks: if they disagree with the signed quote you get an error telling you what the quote says \
                    (ask for a new quote if the price changed). Amounts are minor units: 15000 = SGD 150.00. Calling \
                    it again for the same quote while its checkout is still open returns that same checkout \
                    (new_checkout=false) instead of charging twice. Returns payment_intent_id (keep it), checkout_url, \
                    expires_at and a widget (type payment_checkout) for chat UIs. Next: give the customer \
                    checkout_url, then call check_payment_status with payment_intent_id once they say they have paid.""",
            annotations = @Tool.Annotations(title = "Start a purchase (checkout link)", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = true, openWorldHint = true))
    public PurchaseStarted initiatePurchase(
            @ToolArg(name = "user_id", description = "The customer's id in your system, e.g. user-42.") String userId,
            @ToolArg(name = "quote_id", description = "The id of the accepted insurance quote, e.g. quote-7.") String quoteId,
            @ToolArg(name = "quote_token", description = "The insurer's signed quote (a JWT string) for this quote_id.",
                    required = false) String quoteToken,
            @ToolArg(name = "amount", description = "Optional check: the premium you expect in minor units (15000 = SGD 150.00).",
                    required = false) Long amount,
            @ToolArg(name = "currency", description = "Optional check: ISO 4217 code, e.g. SGD.", required = false) String currency,
            @ToolArg(name = "product_name", description = "Optional check: what the customer buys, e.g. Travel Insurance - Gold.",
                    required = false) String productName,
            @ToolArg(name = "customer_email",
                    description = "Optional: the customer's e-mail, pre-filled on the checkout page and used for the receipt.",
                    required = false) String customerEmail,
            @ToolArg(name = "conversation_id", description = CONVERSATION, required = false) String conversationId,
            RequestId requestId) {
        try (ToolAccess.Call call = access.begin("initiate_purchase", requestId, conversationId)) {
            PaymentView p = ToolErrors.call("initiate_purchase", () -> checkout.createPayment(new CheckoutRequests.CreatePayment(
                    userId, quoteId, quoteToken, amount, currency == null || currency.isBlank() ? null : currency, productName,
                    customerEmail)));
            call.payment(p.paymentIntentId());
            boolean fresh = p.created() == null || p.created();
            String next = (fresh ? "Give the customer checkout_url to pay "
                    : "This quote already had an open checkout; give the customer the same checkout_url to pay ")
                    + p.amountDisplay() + "; then call check_payment_status with payment_intent_id " + p.paymentIntentId() + ".";
            Widget widget = new Widget("payment_checkout", new CheckoutWidgetData(p.paymentIntentId(), p.checkoutUrl(),
                    p.productName(), p.amount(), p.currency(), p.amountDisplay(), p.paymentStatus(), p.expiresAt(),
                    "Pay " + p.amountDisplay()));
            return call.ok(new PurchaseStarted(p.paymentIntentId(), p.checkoutUrl(), p.sessionId(), p.amount(), p.currency(),
                    p.amountDisplay(), p.productName(), p.paymentStatus(), p.expiresAt(), fresh, widget, next));
        }
    }

    @Tool(name = "check_payment_status", structuredContent = true,
            description = """
                    Read the current state of one payment. Use it after the customer says they paid, or to answer \
                    'did my payment go through?'. payment_status is one of pending (not paid yet), completed (paid), \
                    failed (declined; the customer may retry on the same checkout_url), expired, cancelled, \
                    partially_refunded, refunded, disputed, paid_after_close (money came after the purchase was \
                    closed: it is being given back, no policy). Amounts are in minor units (15000 = SGD 150.00); \
                    amount_display is the readable form. Once a policy exists, policy_status says what it covers: \
                    active, suspended (a dispute is open) or cancelled (refunded). next_step says what to do: on \
                    completed call complete_purchase to issue the policy; on pending ask the customer to finish \
                    paying at checkout_url and check again later. history lists every change with who made it \
                    (an assistant's token, stripe, reconciliation or system), including refused ones (applied=false). \
                    Read-only.""",
            annotations = @Tool.Annotations(title = "Check payment status", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public PaymentStatusResult checkPaymentStatus(
            @ToolArg(name = "payment_intent_id",
                    description = "The payment id returned by initiate_purchase (starts with pay_).") String paymentIntentId,
            @ToolArg(name = "conversation_id", description = CONVERSATION, required = false) String conversationId,
            RequestId requestId) {
        try (ToolAccess.Call call = access.begin("check_payment_status", requestId, conversationId)) {
            call.payment(paymentIntentId);
            PaymentView p = ToolErrors.call("check_payment_status", () -> checkout.payment(paymentIntentId));
            List<HistoryLine> history = p.history() == null ? null : p.history().stream()
                    .map(h -> new HistoryLine(h.at(), h.from(), h.to(), h.applied(), h.actor(), h.detail(), h.conversationId()))
                    .toList();
            return call.ok(new PaymentStatusResult(p.paymentIntentId(), p.paymentStatus(), p.userId(), p.quoteId(), p.amount(),
                    p.currency(), p.amountDisplay(), p.productName(), p.kind(), p.checkoutUrl(), p.sessionId(),
                    p.stripePaymentIntent(), p.expiresAt(), p.failureReason(), p.refundedAmount(), p.refundableAmount(),
                    p.policyId(), p.policyNumber(), p.policyStatus(), p.createdAt(), p.updatedAt(), history, nextStep(p)));
        }
    }

    static String nextStep(PaymentView p) {
        String status = p.paymentStatus() == null ? "" : p.paymentStatus();
        return switch (status) {
            case "pending" -> "Not paid yet: ask the customer to finish paying"
                    + (p.checkoutUrl() == null ? "" : " at " + p.checkoutUrl()) + ", then check again.";
            case "failed" -> "The last attempt was declined" + (p.failureReason() == null ? "" : " (" + p.failureReason() + ")")
                    + ": the customer may try another card on the same checkout_url, or you may cancel_payment.";
            case "completed" -> p.policyNumber() == null
                    ? "Paid: call complete_purchase with this payment_intent_id to issue the policy."
                    : "Paid and policy " + p.policyNumber() + " issued (" + p.policyStatus() + ").";
            case "expired" -> "The checkout expired unpaid: call initiate_purchase again if the customer still wants to buy.";
            case "cancelled" -> "Cancelled: nothing was charged. Call initiate_purchase again if the customer changes their mind.";
            case "partially_refunded", "refunded" -> "Refunded " + p.refundedAmount() + " minor units so far"
                    + (p.policyNumber() == null ? "." : "; policy " + p.policyNumber() + " is " + p.policyStatus() + ".");
            case "disputed" -> "The customer disputed this charge with their bank (dispute " + p.disputeStatus()
                    + "); do not refund or charge again here."
                    + (p.policyNumber() == null ? "" : " Policy " + p.policyNumber() + " is " + p.policyStatus() + ".");
            case "paid_after_close" -> "The money arrived after this purchase was closed: it is being refunded in full "
                    + "automatically and no policy is issued. Tell the customer; start a new purchase if they still want cover.";
            default -> "Unknown status; check again in a moment.";
        };
    }

    @Tool(name = "complete_purchase", structuredContent = true,
            description = """
                    Issue the insurance policy for a PAID payment (payment_status completed): returns \
                    policy_number (POL-YYYY-NNNNNN), policy_status (active; later suspended or cancelled if the \
                    money is disputed or refunded), a link to the policy PDF (policy_document_url) and whether a \
                    confirmation e-mail was sent. If nobody calls it, the policy is issued automatically a few \
                    minutes after payment and this returns that same policy. Call it once check_payment_status says completed. Safe to call \
                    again: a payment never gets a second policy (newly_issued=false returns the existing one). \
                    If the payment is not completed yet you get an error saying so: check the status again later.""",
            annotations = @Tool.Annotations(title = "Issue the policy after payment", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = true, openWorldHint = true))
    public PolicyIssued completePurchase(
            @ToolArg(name = "payment_intent_id", description = "The paid payment's id (starts with pay_).") String paymentIntentId,
            @ToolArg(name = "conversation_id", description = CONVERSATION, required = false) String conversationId,
            RequestId requestId) {
        try (ToolAccess.Call call = access.begin("complete_purchase", requestId, conversationId)) {
            call.payment(paymentIntentId);
            CheckoutClient.Created<PolicyView> result = ToolErrors.call("complete_purchase", () -> checkout.issuePolicy(paymentIntentId));
            PolicyView p = result.body();
            return call.ok(new PolicyIssued(p.policyId(), p.policyNumber(), p.policyStatus(), p.paymentIntentId(),
                    p.policyDocumentUrl(), p.issuedAt(), p.confirmationEmailSent(), result.created(),
                    "Tell the customer their policy number " + p.policyNumber() + " and give them policy_document_url."));
        }
    }

    @Tool(name = "cancel_payment", structuredContent = true,
            description = """
                    Cancel a payment that is NOT paid yet (pending or failed): closes its checkout page so it can no \
                    longer be paid. Use it when the customer changes their mind before paying. A paid payment \
                    cannot be cancelled: use refund_payment instead. Returns the payment's new status (cancelled).""",
            annotations = @Tool.Annotations(title = "Cancel an unpaid payment", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = true, openWorldHint = true))
    public PaymentCancelled cancelPayment(
            @ToolArg(name = "payment_intent_id", description = "The payment id (starts with pay_).") String paymentIntentId,
            @ToolArg(name = "reason", description = "Optional: why, in a few words, e.g. customer changed their mind.",
                    required = false) String reason,
            @ToolArg(name = "conversation_id", description = CONVERSATION, required = false) String conversationId,
            RequestId requestId) {
        try (ToolAccess.Call call = access.begin("cancel_payment", requestId, conversationId)) {
            call.payment(paymentIntentId);
            PaymentView p = ToolErrors.call("cancel_payment", () -> checkout.cancel(paymentIntentId, new CheckoutRequests.Cancel(reason)));
            return call.ok(new PaymentCancelled(p.paymentIntentId(), p.paymentStatus(), p.quoteId(),
                    "Payment cancelled; nothing was charged and the checkout link no longer works."));
        }
    }

    @Tool(name = "list_payments", structuredContent = true,
            description = """
                    List one customer's payments, newest first, with status, amount (minor units: 15000 = SGD 150.00) \
                    and policy number when issued. Use it to find a payment_intent_id the customer refers to \
                    ('my last purchase'). At most limit items per call (default 20, max 100); when next_cursor is \
                    present, call again with cursor=next_cursor for older payments. Read-only.""",
            annotations = @Tool.Annotations(title = "List a customer's payments", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public PaymentList listPayments(
            @ToolArg(name = "user_id", description = "The customer's id.") String userId,
            @ToolArg(name = "limit", description = "Optional: how many payments per page, 1 to 100 (default 20).",
                    required = false) Integer limit,
            @ToolArg(name = "cursor", description = "Optional: next_cursor from the previous page.", required = false) String cursor,
            @ToolArg(name = "conversation_id", description = CONVERSATION, required = false) String conversationId,
            RequestId requestId) {
        try (ToolAccess.Call call = access.begin("list_payments", requestId, conversationId)) {
            PaymentPage page = ToolErrors.call("list_payments", () -> checkout.payments(userId, limit, cursor));
            List<PaymentSummary> items = page.items() == null ? List.of() : page.items().stream()
                    .map(p -> new PaymentSummary(p.paymentIntentId(), p.quoteId(), p.productName(), p.amount(), p.currency(),
                            p.amountDisplay(), p.paymentStatus(), p.kind(), p.refundedAmount(), p.policyNumber(), p.createdAt()))
                    .toList();
            return call.ok(new PaymentList(userId, items.size(), items, page.nextCursor()));
        }
    }
}
