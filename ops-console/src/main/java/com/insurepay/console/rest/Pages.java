package com.insurepay.console.rest;

import com.insurepay.console.service.AnalyticsView;
import com.insurepay.console.service.DeliveryPage;
import com.insurepay.console.service.PaymentView;
import com.insurepay.console.service.SearchForm;
import com.insurepay.console.service.SearchResult;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The console's pages, type-checked at build time (templates/pages/*.html, all HTML-escaped by default). */
@CheckedTemplate(basePath = "pages")
public class Pages {

    public static final String HTML_UTF8 = "text/html;charset=UTF-8";
    public static final MediaType HTML = MediaType.valueOf(HTML_UTF8);

    static Response html(Response.Status status, TemplateInstance page) {
        return Response.status(status).type(HTML).entity(page.render()).build();
    }

    static Response html(TemplateInstance page) {
        return html(Response.Status.OK, page);
    }

    public static native TemplateInstance home(Site site);

    public static native TemplateInstance login(Site site, boolean failed);

    /** @param problems field → sentence, empty when the search ran */
    public static native TemplateInstance search(Site site, SearchForm form, List<String> statuses, SearchResult result,
            Map<String, String> problems);

    public static native TemplateInstance payment(Site site, PaymentView payment);

    public static native TemplateInstance deliveries(Site site, DeliveryPage page, List<String> outcomes, boolean mismatchesOnly,
            Map<String, String> problems, String date);

    public static native TemplateInstance analytics(Site site, AnalyticsView view, Map<String, String> problems);

    public static native TemplateInstance notFound(Site site);

    public static native TemplateInstance error(Site site, String errorId);
}
