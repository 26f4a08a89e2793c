package com.insurepay.gateway.tools;

import com.insurepay.gateway.access.ToolAccess;
import com.insurepay.gateway.client.AnalyticsView;
import com.insurepay.gateway.client.CheckoutClient;
import com.insurepay.gateway.tools.Results.PaymentAnalytics;
import io.quarkiverse.mcp.server.RequestId;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/** The insurer's view of its conversational sales: aggregates of a period, for the token's tenant only. */
public class AnalyticsTools {

    /** The per-day series is returned for periods up to this many days (longer ones: totals only, a small result). */
    static final int MAX_DAYS_LISTED = 31;
    static final String NOTE = "Days are UTC. Each payment counts on the day it was started (a cohort), whenever it was paid, "
            + "so a recent day's conversion still rises as its payments are paid. Amounts are minor units.";

    @Inject
    CheckoutClient checkout;

    @Inject
    ToolAccess access;

    @Inject
    Clock clock;

    @Tool(name = "payment_analytics", structuredContent = true,
            description = """
                    Sales figures of this insurer's payments over a period: how many purchases were started, \
                    completed, failed (declined and still open), expired, cancelled or paid after close; conversion \
                    (completed / started) overall and for buy now vs pay later; median and p90 time from start to \
                    payment; revenue per currency (gross, refunded, net, in minor units with display strings); \
                    refunds and disputes; the top failure reasons; and, for periods up to 31 days, one line per day. \
                    Use it for questions such as 'how did sales go this week?', 'what is our conversion for Travel \
                    Insurance - Gold?', 'how much did we refund in November?'. Not for one payment or one customer: \
                    use check_payment_status or list_payments for those. Dates are UTC days YYYY-MM-DD, both included; \
                    default the last 7 days including today; at most 366 days. Each payment counts on the day it \
                    was started. Read-only; figures lag changes by a few seconds (rollup_backlog says how many \
                    changes are not counted yet).""",
            annotations = @Tool.Annotations(title = "Payment analytics (sales, conversion, revenue)", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public PaymentAnalytics paymentAnalytics(
            @ToolArg(name = "from", description = "Optional: first UTC day, YYYY-MM-DD (default: 6 days before to).",
                    required = false) String from,
            @ToolArg(name = "to", description = "Optional: last UTC day, included, YYYY-MM-DD (default: today).",
                    required = false) String to,
            @ToolArg(name = "product_name", description = "Optional: only this product, its exact name, e.g. Travel Insurance - Gold.",
                    required = false) String productName,
            @ToolArg(name = "conversation_id", description = PurchaseTools.CONVERSATION, required = false) String conversationId,
            RequestId requestId) {
        try (ToolAccess.Call call = access.begin("payment_analytics", requestId, conversationId)) {
            String fromDate = date("from", from);
            String toDate = date("to", to);
            AnalyticsView v = ToolErrors.call("payment_analytics",
                    () -> checkout.analytics(fromDate, toDate, productName == null || productName.isBlank() ? null : productName.strip()));
            List<AnalyticsView.Day> days = v.days() != null && v.days().size() <= MAX_DAYS_LISTED ? v.days() : null;
            return call.ok(new PaymentAnalytics(v.from(), v.to(), v.productName(), summary(v), v.totals(), v.conversion(),
                    v.timeToPay(), v.revenue(), v.topFailureReasons(), days, v.asOf(), v.rollupBacklog(), NOTE));
        }
    }

    /** A date argument as checkout-service wants it, or a tool error the model can act on (with today's date). */
    private String date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new ToolCallException("The argument " + name + " must be a UTC day as YYYY-MM-DD, e.g. "
                    + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + " (today); got \"" + shorten(value) + "\". "
                    + "Work out the dates of the period and call the tool again.");
        }
    }

    private static String shorten(String s) {
        String v = s.strip();
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    /** "12 payments started, 9 completed (75.0%); net SGD 1,200.00." */
    static String summary(AnalyticsView v) {
        AnalyticsView.Totals t = v.totals();
        if (t == null || t.started() == null || t.started() == 0) {
            return "No payments were started from " + v.from() + " to " + v.to()
                    + (v.productName() == null ? "" : " for " + v.productName()) + ".";
        }
        String conversion = v.conversion() == null || v.conversion().overall() == null ? ""
                : " (" + v.conversion().overall().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%)";
        String net = v.revenue() == null || v.revenue().isEmpty() ? ""
                : "; net " + v.revenue().stream().map(AnalyticsView.Revenue::netDisplay).collect(Collectors.joining(", "));
        return t.started() + " payments started from " + v.from() + " to " + v.to()
                + (v.productName() == null ? "" : " for " + v.productName()) + ", " + t.completed() + " completed" + conversion + net
                + ".";
    }
}
