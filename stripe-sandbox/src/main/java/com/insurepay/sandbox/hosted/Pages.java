package com.insurepay.sandbox.hosted;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The hosted pages (templates/Pages/*.html): self-contained HTML, no external CDN or fonts. */
@CheckedTemplate(basePath = "Pages")
public class Pages {

    /** One line of the order summary. */
    public record ItemView(String name, String description, long quantity, String amount) {
    }

    /** Everything the checkout and authentication pages show. */
    public record CheckoutView(
            String sessionId,
            String actionUrl,
            String authenticateUrl,
            List<ItemView> items,
            String total,
            String email,
            boolean emailFromMerchant,
            String name,
            String error,
            String cancelUrl,
            String last4) {
    }

    /** A page that only says something: expired, already paid, inactive link, confirmation. */
    public record NoticeView(String title, String message, String linkUrl, String linkLabel) {
    }

    public static native TemplateInstance checkout(CheckoutView view);

    public static native TemplateInstance authenticate(CheckoutView view);

    public static native TemplateInstance notice(NoticeView view);
}
