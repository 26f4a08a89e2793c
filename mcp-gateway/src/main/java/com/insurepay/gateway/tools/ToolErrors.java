package com.insurepay.gateway.tools;

import com.insurepay.gateway.client.CheckoutProblemException;
import com.insurepay.gateway.client.CheckoutUnavailableException;
import com.insurepay.gateway.client.Problem;
import io.quarkiverse.mcp.server.ToolCallException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

/**
 * Turns every failure of a checkout-service call into a tool error ({@code isError: true}) carrying one sentence the
 * assistant can say or act on: never a stack trace, never a JSON-RPC protocol error for a business problem.
 * checkout-service's {@code detail} is used as is when present (it is written for an assistant); otherwise a
 * sentence is chosen by {@code code}.
 */
public final class ToolErrors {

    public static final String UNAVAILABLE = "The payment service is unavailable right now; nothing was charged; try again in a minute.";
    public static final String REFUND_UNAVAILABLE = "The payment service is unavailable right now; nothing was charged; "
            + "try again in a minute with the same request_id (the same refund is never made twice).";
    static final String MAIL_UNAVAILABLE = "The email could not be sent right now and nothing was recorded as sent; try again in a minute.";
    static final String GATEWAY_MISCONFIGURED = "The payment service refused this assistant's gateway credentials; "
            + "nothing was charged; an operator must check the gateway's service token.";

    private static final Logger LOG = Logger.getLogger(ToolErrors.class);

    private ToolErrors() {
    }

    /** Runs one checkout-service operation for a tool, translating its failures. */
    static <T> T call(String tool, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (CheckoutProblemException problem) {
            LOG.infof("%s: checkout-service answered %d %s", tool, problem.status(), problem.code());
            throw new ToolCallException(sentence(tool, problem));
        } catch (CheckoutUnavailableException | FaultToleranceException unavailable) {
            // FaultToleranceException: our timeout fired or the circuit breaker is open.
            LOG.warnf("%s: checkout-service unavailable (%s)", tool, unavailable.toString());
            throw new ToolCallException(unavailableSentence(tool));
        }
    }

    static String unavailableSentence(String tool) {
        return "refund_payment".equals(tool) ? REFUND_UNAVAILABLE : UNAVAILABLE;
    }

    static String sentence(String tool, CheckoutProblemException e) {
        Problem p = e.problem();
        String code = p.code() == null ? "" : p.code();
        if (e.status() == 401 || e.status() == 403) {
            return GATEWAY_MISCONFIGURED;
        }
        if (e.status() >= 500) {
            return switch (code) {
                case "payment_provider_error" -> orDefault(p.detail(),
                        "The payment provider refused the request for a reason outside this conversation; nothing was charged.");
                case "mail_unavailable" -> orDefault(p.detail(), MAIL_UNAVAILABLE);
                // payment_provider_unavailable, storage_unavailable, a proxy's 502/504, an unknown 500
                default -> unavailableSentence(tool);
            };
        }
        String fallback = switch (code) {
            case "validation_error" -> p.field() == null ? "The request was refused as invalid; check the arguments."
                    : "The argument " + p.field() + " is invalid; correct it and call the tool again.";
            case "quote_token_required" -> "quote_token is required: pass the insurer's signed quote for this quote_id; "
                    + "ask for the quote again if you do not have it.";
            case "quote_token_invalid" -> "The quote token is expired or not a valid signed quote; ask the insurer for a new "
                    + "quote; nothing was charged.";
            case "quote_mismatch" -> "The arguments disagree with the insurer's signed quote; use the quote's price and "
                    + "product, or ask for a new quote.";
            case "refund_exceeds_remaining" -> "The refund amount is more than what remains refundable on this payment.";
            case "not_found" -> "No such payment or saved quote was found; check the id.";
            case "quote_already_paid" -> "This quote is already paid; do not charge it again.";
            case "invalid_status" -> "This action is not allowed while the payment is "
                    + (p.paymentStatus() == null ? "in its current status" : p.paymentStatus()) + ".";
            case "nothing_to_refund" -> "This payment is already fully refunded.";
            default -> e.status() == 404 ? "No such payment or saved quote was found; check the id."
                    : e.status() == 409 ? "The request conflicts with the current state of the payment."
                            : "The request was refused as invalid; check the arguments.";
        };
        return orDefault(p.detail(), fallback);
    }

    private static String orDefault(String detail, String fallback) {
        if (detail == null || detail.isBlank()) {
            return fallback;
        }
        String one = detail.strip().replaceAll("\\s+", " ");
        return one.endsWith(".") || one.endsWith("!") || one.endsWith("?") ? one : one + ".";
    }
}
