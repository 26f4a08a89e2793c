package com.insurepay.console.rest;

import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.console.config.ConsoleConfig;
import com.insurepay.console.service.AnalyticsCharts;
import com.insurepay.console.service.DeliveryFeed;
import com.insurepay.console.service.InvalidCriteriaException;
import com.insurepay.console.service.OperatorAccess;
import com.insurepay.console.service.PaymentSearch;
import com.insurepay.console.service.PaymentTimeline;
import com.insurepay.console.service.SearchForm;
import com.insurepay.console.service.SearchResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The console's pages. Every page but the tenant list is about one tenant, named in its path ({@code /t/{tenant}/…})
 * and in its header; a tenant the operator may not see answers 404. Read only: nothing here writes.
 */
@Path("/")
@Produces(Pages.HTML_UTF8)
public class ConsoleResource {

    static final List<String> STATUSES = Arrays.stream(PaymentStatus.values()).map(PaymentStatus::wireName).toList();

    private final ConsoleConfig config;
    private final OperatorAccess access;
    private final PaymentSearch search;
    private final PaymentTimeline timeline;
    private final DeliveryFeed deliveries;
    private final AnalyticsCharts analytics;

    public ConsoleResource(ConsoleConfig config, OperatorAccess access, PaymentSearch search, PaymentTimeline timeline,
            DeliveryFeed deliveries, AnalyticsCharts analytics) {
        this.config = config;
        this.access = access;
        this.search = search;
        this.timeline = timeline;
        this.deliveries = deliveries;
        this.analytics = analytics;
    }

    @GET
    public Response home() {
        return Pages.html(Pages.home(site(null, "home")));
    }

    @GET
    @Path("t/{tenant}")
    public Response tenantHome(@PathParam("tenant") String tenant) {
        access.require(tenant);
        return Response.seeOther(java.net.URI.create("/t/" + tenant + "/payments")).build();
    }

    @GET
    @Path("t/{tenant}/payments")
    public Response search(@PathParam("tenant") String tenant, @QueryParam("payment_id") String paymentId,
            @QueryParam("quote_id") String quoteId, @QueryParam("user_id") String userId, @QueryParam("stripe_id") String stripeId,
            @QueryParam("status") String status, @QueryParam("date") String date, @QueryParam("cursor") String cursor) {
        Site site = site(access.require(tenant), "payments");
        SearchForm form = new SearchForm(paymentId, quoteId, userId, stripeId, status, date);
        try {
            SearchResult result = search.search(tenant, form, cursor);
            return Pages.html(Pages.search(site, form, STATUSES, result, Map.of()));
        } catch (InvalidCriteriaException e) {
            return Pages.html(Response.Status.BAD_REQUEST, Pages.search(site, form, STATUSES, null, e.problems()));
        }
    }

    @GET
    @Path("t/{tenant}/payments/{paymentId}")
    public Response payment(@PathParam("tenant") String tenant, @PathParam("paymentId") String paymentId) {
        Site site = site(access.require(tenant), "payments");
        return timeline.find(tenant, paymentId).map(p -> Pages.html(Pages.payment(site, p))).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("t/{tenant}/deliveries")
    public Response deliveries(@PathParam("tenant") String tenant, @QueryParam("date") String date, @QueryParam("outcome") String outcome,
            @QueryParam("cursor") String cursor) {
        return deliveryPage(tenant, date, outcome, cursor, false);
    }

    @GET
    @Path("t/{tenant}/mismatches")
    public Response mismatches(@PathParam("tenant") String tenant, @QueryParam("date") String date, @QueryParam("cursor") String cursor) {
        return deliveryPage(tenant, date, "mismatch", cursor, true);
    }

    private Response deliveryPage(String tenant, String date, String outcome, String cursor, boolean mismatchesOnly) {
        Site site = site(access.require(tenant), mismatchesOnly ? "mismatches" : "deliveries");
        try {
            return Pages.html(Pages.deliveries(site, deliveries.list(tenant, date, outcome, cursor), DeliveryFeed.OUTCOMES, mismatchesOnly,
                    Map.of(), date == null ? "" : date));
        } catch (InvalidCriteriaException e) {
            return Pages.html(Response.Status.BAD_REQUEST, Pages.deliveries(site, null, DeliveryFeed.OUTCOMES, mismatchesOnly, e.problems(),
                    date == null ? "" : date));
        }
    }

    @GET
    @Path("t/{tenant}/analytics")
    public Response analytics(@PathParam("tenant") String tenant, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("currency") String currency) {
        Site site = site(access.require(tenant), "analytics");
        try {
            return Pages.html(Pages.analytics(site, analytics.view(tenant, from, to, currency), Map.of()));
        } catch (InvalidCriteriaException e) {
            return Pages.html(Response.Status.BAD_REQUEST, Pages.analytics(site, null, e.problems()));
        }
    }

    private Site site(String tenant, String section) {
        return new Site(config.title(), tenant, access.tenants(), access.operatorName(), section);
    }
}
