package com.insurepay.sandbox.hosted;

import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.service.PaymentService;
import com.insurepay.sandbox.service.PaymentService.PaymentResult;
import com.insurepay.sandbox.service.PaymentService.SessionNotPayableException;
import com.insurepay.sandbox.store.CardAttempt;
import com.insurepay.sandbox.store.CheckoutSession;
import com.insurepay.sandbox.store.LineItem;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.support.Currencies;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The hosted Checkout page at a session's {@code url}: card form, 3D Secure step, outcome. */
@Path("/c/pay/{id}")
@Produces(MediaType.TEXT_HTML)
public class HostedCheckoutResource {

    @Inject
    SandboxStore store;
    @Inject
    PaymentService payments;

    @GET
    public Response show(@PathParam("id") String id) {
        CheckoutSession session = store.sessions.find(id).orElse(null);
        if (session == null) {
            return notFound();
        }
        if (!session.isOpen()) {
            return notPayable(session);
        }
        if (session.pendingAuthentication() != null) {
            return Response.ok(Pages.authenticate(view(session, null, null, null))).build();
        }
        return Response.ok(Pages.checkout(view(session, null, null, null))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pay(
            @PathParam("id") String id,
            @FormParam("email") String email,
            @FormParam("name") String name,
            @FormParam("cardnumber") String cardNumber,
            @FormParam("exp-date") String expiry,
            @FormParam("cvc") String cvc) {
        CheckoutSession session = store.sessions.find(id).orElse(null);
        if (session == null) {
            return notFound();
        }
        CardAttempt card;
        try {
            card = PaymentService.parseCard(cardNumber, expiry, cvc, emailOf(session, email), name);
        } catch (StripeApiException e) {
            return Response.ok(Pages.checkout(view(session, e.getMessage(), email, name))).build();
        }
        try {
            return outcome(payments.pay(id, card), email, name);
        } catch (SessionNotPayableException e) {
            return notPayable(e.session());
        }
    }

    @POST
    @Path("authenticate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authenticate(@PathParam("id") String id, @FormParam("action") String action) {
        CheckoutSession session = store.sessions.find(id).orElse(null);
        if (session == null) {
            return notFound();
        }
        try {
            if (session.isOpen() && session.pendingAuthentication() == null) {
                return Response.seeOther(URI.create("/c/pay/" + id)).build();
            }
            return outcome(payments.authenticate(id, "complete".equals(action)), null, null);
        } catch (SessionNotPayableException e) {
            return notPayable(e.session());
        }
    }

    @GET
    @Path("complete")
    public Response confirmation(@PathParam("id") String id) {
        CheckoutSession session = store.sessions.find(id).orElse(null);
        if (session == null) {
            return notFound();
        }
        return notPayable(session);
    }

    private Response outcome(PaymentResult result, String email, String name) {
        CheckoutSession session = result.session();
        return switch (result.outcome()) {
            case SUCCEEDED, PROCESSING -> result.redirectUrl() != null
                    ? Response.seeOther(URI.create(result.redirectUrl())).build()
                    : Response.seeOther(URI.create("/c/pay/" + session.id() + "/complete")).build();
            case REQUIRES_ACTION -> Response.ok(Pages.authenticate(view(session, null, email, name))).build();
            default -> Response.ok(Pages.checkout(view(session, result.error().message(), email, name))).build();
        };
    }

    private static String emailOf(CheckoutSession session, String typed) {
        // A merchant-provided customer_email is fixed on Stripe's page.
        return session.spec().customerEmail() != null ? session.spec().customerEmail() : typed;
    }

    private Response notPayable(CheckoutSession session) {
        TemplateInstance page;
        if (session.status() == CheckoutSession.Status.COMPLETE) {
            String message = session.spec().hostedConfirmationMessage() != null
                    ? session.spec().hostedConfirmationMessage()
                    : "Thanks for your payment of " + Currencies.format(session.amountTotal(), session.spec().currency())
                            + ". This checkout is complete and will not charge you again.";
            page = Pages.notice(new Pages.NoticeView("Payment complete", message, PaymentService.successRedirect(session), "Continue"));
        } else {
            page = Pages.notice(new Pages.NoticeView("This checkout session has expired",
                    "This checkout session is no longer available. Nothing was charged. Please go back and start again.",
                    PaymentService.cancelRedirect(session), "Go back"));
        }
        return Response.ok(page).build();
    }

    private static Response notFound() {
        return Response.status(404)
                .entity(Pages.notice(new Pages.NoticeView("Page not found", "This checkout page does not exist.", null, null)))
                .build();
    }

    static Pages.CheckoutView view(CheckoutSession session, String error, String email, String name) {
        String currency = session.spec().currency();
        List<Pages.ItemView> items = session.spec().lineItems().stream()
                .map((LineItem li) -> new Pages.ItemView(li.productName(), li.description(), li.quantity(),
                        Currencies.format(li.amount(), currency)))
                .toList();
        String merchantEmail = session.spec().customerEmail();
        CardAttempt pending = session.pendingAuthentication();
        return new Pages.CheckoutView(
                session.id(),
                "/c/pay/" + session.id(),
                "/c/pay/" + session.id() + "/authenticate",
                items,
                Currencies.format(session.amountTotal(), currency),
                merchantEmail != null ? merchantEmail : (email == null ? "" : email),
                merchantEmail != null,
                name == null ? "" : name,
                error,
                PaymentService.cancelRedirect(session),
                pending == null ? null : pending.last4());
    }
}
