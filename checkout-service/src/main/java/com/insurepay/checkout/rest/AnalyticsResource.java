package com.insurepay.checkout.rest;

import com.insurepay.checkout.service.AnalyticsService;
import com.insurepay.common.analytics.AnalyticsReport;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's tenant's payment analytics (mcp-gateway's payment_analytics): read from the day aggregates only. */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analytics")
// The report's nested records are written by Jackson; registered for native images.
@RegisterForReflection(targets = {AnalyticsReport.class, AnalyticsReport.Totals.class, AnalyticsReport.Conversion.class,
        AnalyticsReport.TimeToPay.class, AnalyticsReport.TimeToPay.Bucket.class, AnalyticsReport.Revenue.class,
        AnalyticsReport.FailureReason.class, AnalyticsReport.Day.class})
public class AnalyticsResource {

    @Inject
    AnalyticsService analytics;

    @GET
    @Operation(summary = "Payment analytics of a period of UTC days (cohort: by the day each payment was started): counts, "
            + "conversion, time to pay, revenue per currency, refunds, disputes, top failure reasons, a series per day")
    public AnalyticsReport report(@BeanParam CallerParams caller,
            @Parameter(description = "First day, YYYY-MM-DD (UTC); default: 6 days before `to`") @QueryParam("from") String from,
            @Parameter(description = "Last day, included, YYYY-MM-DD (UTC); default: today") @QueryParam("to") String to,
            @Parameter(description = "Only this product (exact name)") @QueryParam("product_name") String productName) {
        return analytics.report(caller.tenant(), from, to, productName);
    }
}
