package com.insurepay.checkout.rest;

import static com.insurepay.checkout.service.RequestRules.*;

import com.insurepay.checkout.quote.QuotePricing;
import com.insurepay.checkout.quote.QuotePricing.PriceRequest;
import com.insurepay.checkout.quote.QuotePricing.Priced;
import com.insurepay.checkout.rest.ApiRequests.CancelRequest;
import com.insurepay.checkout.rest.ApiRequests.InitiatePurchaseRequest;
import com.insurepay.checkout.rest.ApiRequests.RefundRequest;
import com.insurepay.checkout.rest.ApiViews.PaymentListView;
import com.insurepay.checkout.rest.ApiViews.PaymentView;
import com.insurepay.checkout.rest.ApiViews.PolicyView;
import com.insurepay.checkout.rest.ApiViews.RefundView;
import com.insurepay.checkout.service.CheckoutProblem;
import com.insurepay.checkout.service.CancelService;
import com.insurepay.checkout.service.PaymentLookup;
import com.insurepay.checkout.service.PurchaseService;
import com.insurepay.checkout.service.PurchaseService.InitiatePurchase;
import com.insurepay.checkout.service.PolicyService;
import com.insurepay.checkout.service.RefundService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "payments")
public class PaymentResource {

    @Inject
    PurchaseService purchases;

    @Inject
    PaymentLookup lookup;

    @Inject
    CancelService cancels;

    @Inject
    RefundService refunds;

    @Inject
    PolicyService policies;

    @Inject
    QuotePricing pricing;

    @POST
    @Operation(summary = "Initiate a purchase: a pending payment and its Stripe Checkout Session (201), or the quote's live checkout (200)")
    public Response initiate(@BeanParam CallerParams caller, @Valid InitiatePurchaseRequest body) {
        if (body == null) {
            throw CheckoutProblem.validation("user_id", "A JSON body with user_id, quote_id and quote_token is required.");
        }
        String userId = body.userId();
        String quoteId = body.quoteId();
        Priced priced = pricing.price(new PriceRequest(caller.tenant(), quoteId, userId, body.quoteToken(), body.amount(),
                body.currency(), body.productName(), optionalEmail("customer_email", body.customerEmail())));
        InitiatePurchase cmd = new InitiatePurchase(caller.tenant(), userId, quoteId, priced.money(), priced.productName(),
                priced.customerEmail(), caller.actor());
        PurchaseService.Initiated result = purchases.initiate(cmd);
        return Response.status(result.created() ? 201 : 200).entity(PaymentView.of(result.payment(), result.created())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A payment with its status, Stripe ids, refunds, policy and history")
    public PaymentView get(@BeanParam CallerParams caller, @PathParam("id") String paymentId) {
        return PaymentView.of(lookup.get(caller.tenant(), id("payment_intent_id", paymentId)), null);
    }

    @GET
    @Operation(summary = "A user's payments in the caller's tenant, newest first")
    public PaymentListView list(@BeanParam CallerParams caller, @QueryParam("user_id") String userId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        int size = 20;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > 100) {
                throw CheckoutProblem.validation("limit", "limit must be an integer from 1 to 100.");
            }
        }
        var page = lookup.listByUser(caller.tenant(), id("user_id", userId), size, optionalText("cursor", cursor, 2000));
        return new PaymentListView(page.items().stream().map(PaymentView::summary).toList(), page.nextCursor());
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            summary = "Cancel a pending or failed payment (its Stripe session, or its payment link and the link's open sessions, are closed first)")
    public PaymentView cancel(@BeanParam CallerParams caller, @PathParam("id") String paymentId, @Valid CancelRequest body) {
        String reason = optionalText("reason", body == null ? null : body.reason(), MAX_TEXT);
        return PaymentView.of(cancels.cancel(caller.tenant(), id("payment_intent_id", paymentId), reason, caller.actor()), null);
    }

    @POST
    @Path("/{id}/refunds")
    @Operation(summary = "Refund a completed payment fully or partly; Idempotency-Key makes a retry refund once")
    public RefundView refund(@BeanParam CallerParams caller, @PathParam("id") String paymentId,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid RefundRequest body) {
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? "requested_by_customer" : body.reason().trim();
        if (!RefundService.REASONS.contains(reason)) {
            throw CheckoutProblem.validation("reason", "reason must be one of " + String.join(", ", RefundService.REASONS) + ".");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : id("Idempotency-Key", idempotencyKey);
        return RefundView
                .of(refunds.refund(caller.tenant(), id("payment_intent_id", paymentId), body == null ? null : body.amount(), reason, key,
                        caller.actor()));
    }

    @POST
    @Path("/{id}/policy")
    @Operation(summary = "Issue the policy of a completed payment (201), or return the one already issued (200)")
    public Response issuePolicy(@BeanParam CallerParams caller, @PathParam("id") String paymentId) {
        var issued = policies.issue(caller.tenant(), id("payment_intent_id", paymentId), caller.actor());
        return Response.status(issued.created() ? 201 : 200).entity(PolicyView.of(issued)).build();
    }

    @GET
    @Path("/{id}/policy")
    @Operation(summary = "The policy issued for a payment, with its status (active, suspended, cancelled); 404 when none was issued")
    public PolicyView policy(@BeanParam CallerParams caller, @PathParam("id") String paymentId) {
        return PolicyView.of(policies.find(caller.tenant(), id("payment_intent_id", paymentId)));
    }
}
