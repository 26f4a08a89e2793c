package com.insurepay.pages.rest;

import com.insurepay.pages.service.OutcomeMessage;
import com.insurepay.pages.service.PaymentSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The pages, type-checked at build time (templates/pages/*.html, all HTML-escaped by default). */
@CheckedTemplate(basePath = "pages")
public class Pages {

    /** Said explicitly, so no browser has to guess the encoding of a product name. */
    public static final String HTML_UTF8 = "text/html;charset=UTF-8";
    public static final MediaType HTML = MediaType.valueOf(HTML_UTF8);

    /**
     * Renders to a response with an explicit charset (handing Qute the TemplateInstance would send a bare
     * "text/html", leaving the browser to guess the encoding of a product name).
     */
    static Response html(Response.Status status, TemplateInstance page) {
        return Response.status(status).type(HTML).entity(page.render()).build();
    }

    static Response html(TemplateInstance page) {
        return html(Response.Status.OK, page);
    }

    public static native TemplateInstance receipt(Site site, PaymentSummary payment);

    public static native TemplateInstance processing(Site site, PaymentSummary payment, Polling polling);

    public static native TemplateInstance outcome(Site site, PaymentSummary payment, OutcomeMessage message);

    public static native TemplateInstance cancel(Site site, PaymentSummary payment, OutcomeMessage message);

    /** @param retryUrl where "check again" points, or null when trying again cannot help */
    public static native TemplateInstance notFound(Site site, String retryUrl);

    public static native TemplateInstance linkRefused(Site site, boolean expired);

    public static native TemplateInstance error(Site site);
}
