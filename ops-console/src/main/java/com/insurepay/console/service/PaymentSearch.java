package com.insurepay.console.service;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.table.PaymentTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds a tenant's payments. One id at a time (payment, quote, user or Stripe object: the table key or its GSI); without an id,
 * the payments created on one UTC day (today by default), through {@code tenant_day-index}. Status and day narrow
 * any search down (in memory, on the loaded payments). Never a Scan; another tenant's payment is never shown.
 */
@ApplicationScoped
public class PaymentSearch {

    public static final int PAGE_SIZE = 25;
    /** The Stripe objects a payment stores: its Checkout Session, its PaymentIntent, its Payment Link. */
    static final java.util.regex.Pattern STRIPE_PREFIXES = java.util.regex.Pattern.compile("(cs|pi|plink)_");

    private final PaymentRepository payments;
    private final PaymentQueries queries;
    private final Clock clock;

    public PaymentSearch(PaymentRepository payments, PaymentQueries queries, Clock clock) {
        this.payments = payments;
        this.queries = queries;
        this.clock = clock;
    }

    /** @throws InvalidCriteriaException naming each field that cannot be searched */
    public SearchResult search(String tenant, SearchForm form, String cursorParam) {
        Criteria c = new Criteria(clock);
        String paymentId = c.id("payment_id", form.paymentId());
        String quoteId = c.id("quote_id", form.quoteId());
        String userId = c.id("user_id", form.userId());
        String stripeId = c.id("stripe_id", form.stripeId());
        if (stripeId != null && !STRIPE_PREFIXES.matcher(stripeId).lookingAt()) {
            c.problem("stripe_id", "a Stripe id starts with cs_ (Checkout Session), pi_ (PaymentIntent) or plink_ (Payment Link)");
        }
        PaymentStatus status = c.status(form.status());
        LocalDate day = c.day("date", form.date());
        String cursor = c.cursor(cursorParam);
        long ids = java.util.stream.Stream.of(paymentId, quoteId, userId, stripeId).filter(v -> v != null).count();
        if (ids > 1) {
            c.problem("payment_id", "search by one id at a time: payment id, quote id, user id or Stripe id");
        }
        c.check();

        Predicate<Payment> narrowed = p -> tenant.equals(p.tenant()) && (status == null || p.status() == status)
                && (day == null || PaymentTable.utcDay(p.createdAt()).equals(day));
        String filters = (status == null ? "" : ", status " + Display.words(status.wireName()))
                + (day == null ? "" : ", created on " + day + " (UTC)");
        try {
            if (paymentId != null) {
                List<PaymentRow> rows = payments.find(paymentId).filter(narrowed).map(PaymentRow::of).stream().toList();
                return new SearchResult(rows, "Payment " + paymentId + filters, null);
            }
            if (quoteId != null) {
                List<PaymentRow> rows = queries.findByQuote(tenant, quoteId, PaymentQueries.MAX_PAGE_SIZE).stream().filter(narrowed)
                        .map(PaymentRow::of).toList();
                return new SearchResult(rows, "Payments of quote " + quoteId + filters, null);
            }
            if (stripeId != null) {
                List<Payment> found = stripeId.startsWith("cs_") ? queries.findByStripeSession(stripeId).stream().toList()
                        : stripeId.startsWith("pi_") ? queries.findByStripePaymentIntent(stripeId).stream().toList()
                                : queries.findByPaymentLink(stripeId, PaymentQueries.MAX_PAGE_SIZE, null).items();
                return new SearchResult(found.stream().filter(narrowed).map(PaymentRow::of).toList(),
                        "Payments of Stripe object " + stripeId + filters, null);
            }
            if (userId != null) {
                Page<Payment> page = queries.findByUser(tenant, userId, PAGE_SIZE, cursor);
                return new SearchResult(page.items().stream().filter(narrowed).map(PaymentRow::of).toList(),
                        "Payments of user " + userId + filters, page.nextCursor());
            }
            LocalDate searchedDay = day != null ? day : LocalDate.now(clock);
            Page<Payment> page = queries.findByTenantDay(tenant, searchedDay, status, PAGE_SIZE, cursor);
            return new SearchResult(page.items().stream().filter(narrowed).map(PaymentRow::of).toList(),
                    "Payments created on " + searchedDay + " (UTC)"
                            + (status == null ? "" : ", status " + Display.words(status.wireName())),
                    page.nextCursor());
        } catch (RuntimeException e) {
            throw Criteria.pageReadFailure(e, cursor);
        }
    }
}
