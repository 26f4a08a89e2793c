package com.insurepay.pages.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.insurepay.pages.config.PagesConfig;
import com.insurepay.pages.service.CheckoutOutcomeService;
import com.insurepay.pages.service.PaymentSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import com.insurepay.common.payment.PaymentStatus;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/** Where Stripe sends the customer back: {@code /success} and {@code /cancel}, both with {@code ?session_id=cs_...}. */
@Path("/")
@Produces(Pages.HTML_UTF8)
@Tag(name = "customer pages")
public class CheckoutPagesResource {

    private final CheckoutOutcomeService outcomes;
    private final PagesConfig config;

    public CheckoutPagesResource(CheckoutOutcomeService outcomes, PagesConfig config) {
        this.outcomes = outcomes;
        this.config = config;
    }

    @Operation(
            summary = "Where Stripe sends the customer after paying: the receipt, a page that waits for the confirmation, or what happened (HTML)")
    @GET
    @Path("success")
    public Response success(@RestQuery("session_id") String sessionId) {
        Optional<PaymentSummary> found = outcomes.findBySession(sessionId);
        outcomes.countView("success", found.orElse(null));
        if (found.isEmpty()) {
            // A Payment Link's session is only recorded when its webhook lands, and the redirect can come first:
            // for a well-formed id, offer to check again instead of only saying "not found".
            return ErrorPages.notFound(site(),
                    CheckoutOutcomeService.isSessionId(sessionId) ? "/success?session_id=" + sessionId : null);
        }
        PaymentSummary payment = found.get();
        if (payment.isCompleted()) {
            return Pages.html(Pages.receipt(site(), payment));
        }
        if (payment.status().isOpen()) {
            // Stripe sends the customer here only after it accepted a payment, so an open payment means its
            // confirmation is still on its way: the redirect often beats the webhook. That includes "failed": an
            // earlier card was declined and the retry that succeeded has not been confirmed yet (our checkouts are
            // card-only, so no late asynchronous failure follows a redirect here). Show "confirming" and poll.
            Polling polling = new Polling("/api/sessions/" + payment.sessionId() + "/status",
                    config.pollInterval().toMillis(), config.processingWait().toMillis());
            return Pages.html(
                    Pages.processing(site(), payment.withStatusLabel(CheckoutOutcomeService.statusLabel(PaymentStatus.PENDING)), polling));
        }
        return Pages.html(Pages.outcome(site(), payment, outcomes.successOutcome(payment)));
    }

    @Operation(summary = "Where Stripe sends a customer who left the checkout: not paid, with a way back while it is open (HTML)")
    @GET
    @Path("cancel")
    public Response cancel(@RestQuery("session_id") String sessionId) {
        Optional<PaymentSummary> found = outcomes.findBySession(sessionId);
        outcomes.countView("cancel", found.orElse(null));
        if (found.isEmpty()) {
            return ErrorPages.notFound(site());
        }
        PaymentSummary payment = outcomes.forCancelPage(found.get());
        return Pages.html(Pages.cancel(site(), payment, outcomes.cancelOutcome(payment, outcomes.openCheckoutUrl(sessionId))));
    }

    private Site site() {
        return new Site(config.insurerName());
    }
}
