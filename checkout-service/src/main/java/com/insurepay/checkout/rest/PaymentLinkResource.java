package com.insurepay.checkout.rest;

import static com.insurepay.checkout.service.RequestRules.*;

import com.insurepay.checkout.quote.QuotePricing;
import com.insurepay.checkout.quote.QuotePricing.PriceRequest;
import com.insurepay.checkout.quote.QuotePricing.Priced;
import com.insurepay.checkout.rest.ApiRequests.SaveForLaterRequest;
import com.insurepay.checkout.rest.ApiRequests.SendLinkRequest;
import com.insurepay.checkout.rest.ApiViews.EmailSentView;
import com.insurepay.checkout.rest.ApiViews.PaymentLinkView;
import com.insurepay.checkout.service.CheckoutProblem;
import com.insurepay.checkout.service.PaymentLinkService;
import com.insurepay.checkout.service.PaymentLinkService.SaveForLater;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/quotes/{quote_id}/payment-link")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "payment links")
public class PaymentLinkResource {

    @Inject
    PaymentLinkService links;

    @Inject
    QuotePricing pricing;

    @Inject
    Clock clock;

    @PUT
    @Operation(
            summary = "Save a quote for later: a single-use Stripe Payment Link valid for payment-link.validity (201), or the live one (200)")
    public Response save(@BeanParam CallerParams caller, @PathParam("quote_id") String quoteId, @Valid SaveForLaterRequest body) {
        if (body == null) {
            throw CheckoutProblem.validation("user_id", "A JSON body with user_id, customer_email and quote_token is required.");
        }
        String quote = id("quote_id", quoteId);
        String userId = body.userId();
        Priced priced = pricing.price(new PriceRequest(caller.tenant(), quote, userId, body.quoteToken(), body.amount(),
                body.currency(), body.productName(), optionalEmail("customer_email", body.customerEmail())));
        SaveForLater cmd = new SaveForLater(caller.tenant(), quote, userId, email("customer_email", priced.customerEmail()),
                priced.productName(), priced.money(),
                body.policyId() == null || body.policyId().isBlank() ? null : body.policyId(),
                optionalText("notes", body.notes(), MAX_TEXT), caller.actor());
        var state = links.save(cmd);
        return Response.status(state.created() ? 201 : 200).entity(PaymentLinkView.of(state, clock.instant())).build();
    }

    @GET
    @Operation(summary = "The quote's payment link; a fresh one when the old one expired")
    public PaymentLinkView get(@BeanParam CallerParams caller, @PathParam("quote_id") String quoteId) {
        return PaymentLinkView.of(links.get(caller.tenant(), id("quote_id", quoteId), caller.actor()), clock.instant());
    }

    @POST
    @Path("/email")
    @Operation(summary = "E-mail the quote's payment link to the customer (HTML and text)")
    public EmailSentView sendEmail(@BeanParam CallerParams caller, @PathParam("quote_id") String quoteId, @Valid SendLinkRequest body) {
        String to = email("customer_email", body == null ? null : body.customerEmail());
        String name = optionalText("customer_name", body == null ? null : body.customerName(), MAX_PRODUCT_NAME);
        return EmailSentView.of(links.sendEmail(caller.tenant(), id("quote_id", quoteId), to, name, caller.actor()));
    }
}
