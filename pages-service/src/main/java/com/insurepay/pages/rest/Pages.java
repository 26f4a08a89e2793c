package com.insurepay.pages.rest;

import com.insurepay.pages.service.OutcomeMessage;
import com.insurepay.pages.service.PaymentSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages, type-checked at build time (templates/pages/*.html, all HTML-escaped by default). */
@CheckedTemplate(basePath = "pages")
public class Pages {

    public static native TemplateInstance receipt(Site site, PaymentSummary payment);

    public static native TemplateInstance processing(Site site, PaymentSummary payment, Polling polling);

    public static native TemplateInstance outcome(Site site, PaymentSummary payment, OutcomeMessage message);

    public static native TemplateInstance cancel(Site site, PaymentSummary payment, OutcomeMessage message);

    public static native TemplateInstance notFound(Site site);

    public static native TemplateInstance linkRefused(Site site, boolean expired);

    public static native TemplateInstance error(Site site);
}
