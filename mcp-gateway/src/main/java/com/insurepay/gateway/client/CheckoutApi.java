package com.insurepay.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * checkout-service's internal REST API, exactly as in docs/checkout-api.md. Base URL:
 * {@code quarkus.rest-client.checkout.url} (env CHECKOUT_URL). Use it through {@link CheckoutClient}, which adds
 * timeouts, retries for reads and a circuit breaker.
 */
@RegisterRestClient(configKey = "checkout")
@RegisterProvider(ServiceTokenFilter.class)
@RegisterProvider(ProblemResponseMapper.class)
@RegisterClientHeaders(CallerHeadersFactory.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CheckoutApi {

    @POST
    @Path("/payments")
    PaymentView createPayment(CheckoutRequests.CreatePayment body);

    @GET
    @Path("/payments/{id}")
    PaymentView getPayment(@PathParam("id") String paymentIntentId);

    @GET
    @Path("/payments")
    PaymentPage listPayments(@QueryParam("user_id") String userId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/analytics")
    AnalyticsView analytics(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("product_name") String productName);

    @POST
    @Path("/payments/{id}/cancel")
    PaymentView cancelPayment(@PathParam("id") String paymentIntentId, CheckoutRequests.Cancel body);

    @POST
    @Path("/payments/{id}/refunds")
    RefundView refundPayment(@PathParam("id") String paymentIntentId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            CheckoutRequests.Refund body);

    @POST
    @Path("/payments/{id}/policy")
    RestResponse<PolicyView> issuePolicy(@PathParam("id") String paymentIntentId);

    @PUT
    @Path("/quotes/{quoteId}/payment-link")
    RestResponse<PaymentLinkView> savePaymentLink(@PathParam("quoteId") String quoteId, CheckoutRequests.SavePaymentLink body);

    @GET
    @Path("/quotes/{quoteId}/payment-link")
    PaymentLinkView getPaymentLink(@PathParam("quoteId") String quoteId);

    @POST
    @Path("/quotes/{quoteId}/payment-link/email")
    EmailSentView sendPaymentLink(@PathParam("quoteId") String quoteId, CheckoutRequests.SendPaymentLink body);
}
