package com.insurepay.sandbox.service;

import com.insurepay.sandbox.api.ParamCatalog;
import com.insurepay.sandbox.api.ParamEcho;
import com.insurepay.sandbox.api.ParamSchema;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import com.insurepay.sandbox.store.CheckoutSession;
import com.insurepay.sandbox.store.LineItem;
import com.insurepay.sandbox.store.PaymentIntent;
import com.insurepay.sandbox.store.Price;
import com.insurepay.sandbox.store.Product;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.support.Currencies;
import com.insurepay.sandbox.support.SandboxClock;
import com.insurepay.sandbox.support.StripeIds;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.support.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/** Checkout Sessions in mode {@code payment}: create, read, list, expire (on demand and when due). */
@ApplicationScoped
public class CheckoutService {

    static final long MIN_EXPIRY_SECONDS = 30 * 60;
    static final long MAX_EXPIRY_SECONDS = 24 * 60 * 60;
    /** Tolerated clock skew between a client computing now+30min and our clock. */
    static final long EXPIRY_SKEW_SECONDS = 5;

    static final ParamSchema CREATE_SCHEMA = ParamCatalog.schema("POST /v1/checkout/sessions");
    static final ParamSchema EXPIRE_SCHEMA = ParamCatalog.schema("POST /v1/checkout/sessions/{id}/expire");
    static final ParamSchema LIST_SCHEMA = ParamCatalog.schema("GET /v1/checkout/sessions");

    /** Parameters create() applies itself; any other one that is a field of the session is echoed on it. */
    static final Set<String> APPLIED = Set.of("mode", "line_items", "currency", "success_url", "cancel_url", "client_reference_id",
            "customer_email",
            "customer_creation", "metadata", "payment_intent_data", "expires_at", "payment_method_types", "locale",
            "expand");
    /** payment_intent_data keys applied to the PaymentIntent; the others are echoed on it. */
    static final Set<String> PAYMENT_INTENT_APPLIED = Set.of("metadata", "description");

    /** Parameters Stripe has but the sandbox cannot honour (they change amounts, the flow, or need objects it lacks). */
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("customer", "it has no Customer objects"),
            Map.entry("customer_account", "it has no Accounts"),
            Map.entry("customer_update", "it has no Customer objects (and Stripe needs `customer` with it)"),
            Map.entry("discounts", "it has no coupons or promotion codes"),
            Map.entry("shipping_options", "it has no shipping rates and charges no shipping"),
            Map.entry("optional_items", "only the line items are sold"),
            Map.entry("subscription_data", "only mode=payment (Stripe allows it only in subscription mode)"),
            Map.entry("setup_intent_data", "only mode=payment (Stripe allows it only in setup mode)"),
            Map.entry("return_url", "only the hosted page (ui_mode=hosted_page), which redirects to success_url"),
            Map.entry("redirect_on_completion", "only the hosted page (ui_mode=hosted_page), which redirects to success_url"),
            Map.entry("payment_method_configuration", "it has no payment method configurations (card only)"),
            Map.entry("line_items[#][tax_rates]", "it computes no tax"),
            Map.entry("line_items[#][dynamic_tax_rates]", "it computes no tax"),
            Map.entry("line_items[#][price_data][recurring]", "only one-time prices in mode=payment"),
            Map.entry("payment_intent_data[application_fee_amount]", "it has no Connect accounts"),
            Map.entry("payment_intent_data[on_behalf_of]", "it has no Connect accounts"),
            Map.entry("payment_intent_data[transfer_data]", "it has no Connect accounts"));

    @Inject
    SandboxStore store;
    @Inject
    SandboxClock clock;
    @Inject
    CatalogService catalog;
    @Inject
    EventService events;

    public CheckoutSession create(StripeParams params, String publicBaseUrl) {
        params.allowOnly(CREATE_SCHEMA);
        String mode = params.requiredString("mode");
        if (!mode.equals("payment")) {
            throw StripeApiException.invalid(null, "mode", "stripe-sandbox supports only mode=payment, not " + mode + ".");
        }
        String successUrl = Validation.url(params.requiredString("success_url"), "success_url");
        String cancelUrl = params.string("cancel_url").map(u -> Validation.url(u, "cancel_url")).orElse(null);
        List<StripeParams> rawItems = params.list("line_items");
        if (rawItems.isEmpty()) {
            throw StripeApiException.parameterMissing("line_items");
        }
        List<LineItem> items = new ArrayList<>();
        for (StripeParams item : rawItems) {
            items.add(lineItem(item, true));
        }
        String currency = singleCurrency(items);
        Validation.sameCurrency(params, currency);
        refuseWhatTheSandboxCannotDo(params);
        long total = items.stream().mapToLong(LineItem::amount).sum();
        long minimum = Currencies.minimumCharge(currency);
        if (total < minimum) {
            throw StripeApiException.invalid(
                    null, "line_items",
                    "The Checkout Session's total amount due must add up to at least " + Currencies.format(minimum, currency) + ".");
        }
        long now = clock.now();
        long expiresAt = params.integer("expires_at").orElse(now + MAX_EXPIRY_SECONDS);
        if (expiresAt > now + MAX_EXPIRY_SECONDS + EXPIRY_SKEW_SECONDS) {
            throw StripeApiException.invalid(
                    null, "expires_at", "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");
        }
        if (expiresAt < now + MIN_EXPIRY_SECONDS - EXPIRY_SKEW_SECONDS) {
            throw StripeApiException.invalid(
                    null, "expires_at", "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.");
        }
        String email = params.string("customer_email").map(e -> Validation.email(e, "customer_email")).orElse(null);
        String clientReferenceId = params.string("client_reference_id").map(c -> Validation.maxLength(c, 200, "client_reference_id"))
                .orElse(null);
        List<String> methodTypes = params.stringList("payment_method_types");
        for (int i = 0; i < methodTypes.size(); i++) {
            if (!methodTypes.get(i).equals("card")) {
                throw StripeApiException.invalid(
                        null, "payment_method_types[" + i + "]",
                        "The payment method type \"" + methodTypes.get(i) + "\" is not supported by stripe-sandbox (only card).");
            }
        }
        StripeParams piData = params.hash("payment_intent_data").orElse(StripeParams.empty());
        CheckoutSession.Spec spec = new CheckoutSession.Spec(
                currency, items, clientReferenceId, email, params.string("customer_creation").orElse("if_required"),
                params.metadata("metadata"), piData.metadata("metadata"), piData.string("description").orElse(null),
                expiresAt, successUrl, cancelUrl, params.string("locale").orElse(null),
                methodTypes.isEmpty() ? List.of("card") : methodTypes, null, null,
                ParamEcho.of(params, CREATE_SCHEMA, APPLIED), ParamEcho.of(piData, CREATE_SCHEMA, PAYMENT_INTENT_APPLIED));
        return open(spec, publicBaseUrl);
    }

    private static void refuseWhatTheSandboxCannotDo(StripeParams params) {
        Validation.refuseUnsupported(params, UNSUPPORTED);
        Validation.refuseTaxAndManualCapture(params);
        params.string("ui_mode").filter(m -> !m.equals("hosted_page")).ifPresent(m -> {
            throw Validation.unsupported("ui_mode", "only the hosted page, not ui_mode=" + m);
        });
    }

    /** Opens a session from a spec (the API above, or a payment link's page). */
    CheckoutSession open(CheckoutSession.Spec spec, String publicBaseUrl) {
        String id = StripeIds.newId("cs_test_");
        return store.sessions.put(
                new CheckoutSession(id, clock.now(), store.nextSeq(), spec, publicBaseUrl + "/c/pay/" + id));
    }

    /**
     * One line item: {@code price} or {@code price_data}, and a quantity. Payment links allow only
     * {@code price}.
     */
    LineItem lineItem(StripeParams item, boolean allowPriceData) {
        long quantity = Validation.atLeast(item.requiredInteger("quantity"), 1, item.pathOf("quantity"));
        Optional<String> priceId = item.string("price");
        Optional<StripeParams> priceData = allowPriceData ? item.hash("price_data") : Optional.empty();
        if (priceId.isPresent() && priceData.isPresent()) {
            throw StripeApiException.invalid(
                    null, item.pathOf("price"), "You may only specify one of these parameters: price, price_data.");
        }
        if (priceId.isPresent()) {
            Price price = store.prices.find(priceId.get())
                    .orElseThrow(() -> StripeApiException.resourceMissing("price", item.pathOf("price"), priceId.get()));
            Product product = store.products.find(price.productId()).orElseThrow();
            return new LineItem(StripeIds.newId("li_"), price, product.name(), product.description(), quantity);
        }
        if (priceData.isEmpty()) {
            throw StripeApiException.parameterMissing(item.pathOf(allowPriceData ? "price_data" : "price"));
        }
        StripeParams data = priceData.get();
        String currency = Currencies.normalize(data.requiredString("currency"), data.pathOf("currency"));
        long unitAmount = unitAmount(data);
        Currencies.checkUnitAmount(unitAmount, currency, data.pathOf("unit_amount"));
        Product product;
        Optional<String> productId = data.string("product");
        Optional<StripeParams> productData = data.hash("product_data");
        if (productId.isPresent() && productData.isPresent()) {
            throw StripeApiException.invalid(
                    null, data.pathOf("product"), "You may only specify one of these parameters: product, product_data.");
        }
        if (productId.isPresent()) {
            product = catalog.product(productId.get());
        } else if (productData.isPresent()) {
            product = catalog.newProduct(productData.get(), CREATE_SCHEMA);
        } else {
            throw StripeApiException.parameterMissing(data.pathOf("product_data"));
        }
        Price price = catalog.inlinePrice(currency, unitAmount, product.id());
        return new LineItem(StripeIds.newId("li_"), price, product.name(), product.description(), quantity);
    }

    /** {@code unit_amount}, or a whole {@code unit_amount_decimal} (the sandbox charges no fractions of a cent). */
    static long unitAmount(StripeParams price) {
        Optional<String> decimal = price.string("unit_amount_decimal");
        if (price.string("unit_amount").isPresent() || decimal.isEmpty()) {
            return price.requiredInteger("unit_amount");
        }
        try {
            return new BigDecimal(decimal.get().trim()).longValueExact();
        } catch (ArithmeticException e) {
            throw Validation.unsupported(price.pathOf("unit_amount_decimal"), "fractions of the smallest currency unit");
        }
    }

    static String singleCurrency(List<LineItem> items) {
        String currency = items.get(0).price().currency();
        for (int i = 1; i < items.size(); i++) {
            if (!items.get(i).price().currency().equals(currency)) {
                throw StripeApiException.invalid(
                        null, "line_items[" + i + "]", "All line items must use the same currency; got " + currency + " and "
                                + items.get(i).price().currency() + ".");
            }
        }
        return currency;
    }

    public CheckoutSession get(String id) {
        return store.sessions.find(id)
                .orElseThrow(() -> StripeApiException.resourceMissing("checkout.session", "session", id));
    }

    public ObjectNode list(StripeParams params) {
        params.allowOnly(LIST_SCHEMA);
        String status = params.string("status").orElse(null);
        String paymentIntent = params.string("payment_intent").orElse(null);
        String paymentLink = params.string("payment_link").orElse(null);
        String email = params.hash("customer_details").flatMap(d -> d.string("email")).orElse(null);
        if (params.sent("customer") || params.sent("customer_account") || params.sent("subscription")) {
            // the sandbox never creates customers, accounts or subscriptions
            return Json.list("/v1/checkout/sessions", List.of(), false);
        }
        LongPredicate created = StripeLists.createdFilter(params);
        List<CheckoutSession> matching = store.sessions.newestFirst(
                s -> created.test(s.created())
                        && (status == null || s.status().value().equals(status))
                        && (paymentIntent == null || paymentIntent.equals(s.paymentIntentId()))
                        && (paymentLink == null || paymentLink.equals(s.spec().paymentLinkId()))
                        && (email == null || email.equalsIgnoreCase(s.spec().customerEmail())));
        return StripeLists.page(matching, params, "/v1/checkout/sessions", "checkout.session");
    }

    /** {@code POST /v1/checkout/sessions/{id}/expire}: only open sessions, like Stripe. */
    public CheckoutSession expire(String id, StripeParams params) {
        params.allowOnly(EXPIRE_SCHEMA);
        store.lock().lock();
        try {
            CheckoutSession session = get(id);
            if (!session.isOpen()) {
                throw StripeApiException.invalid(
                        null, null, "Only Checkout Sessions with a status in [\"open\"] can be expired.");
            }
            expireNow(session);
            return session;
        } finally {
            store.lock().unlock();
        }
    }

    /** Expires every open session whose expires_at has passed on the sandbox clock. */
    public List<String> expireDue() {
        List<String> expired = new ArrayList<>();
        store.lock().lock();
        try {
            long now = clock.now();
            for (CheckoutSession session : store.sessions.newestFirst(s -> s.isOpen() && s.spec().expiresAt() <= now)) {
                expireNow(session);
                expired.add(session.id());
            }
        } finally {
            store.lock().unlock();
        }
        return expired;
    }

    private void expireNow(CheckoutSession session) {
        session.expire();
        // An abandoned session's PaymentIntent (left by declined attempts) is canceled with it.
        store.paymentIntents.find(session.paymentIntentId())
                .filter(pi -> !pi.status().equals("succeeded") && !pi.status().equals("canceled"))
                .ifPresent(
                        pi -> {
                            pi.cancel(clock.now(), "abandoned");
                            events.emit("payment_intent.canceled", pi.toJson());
                        });
        events.emit("checkout.session.expired", session.toJson());
    }

    static Map<String, String> copy(Map<String, String> m) {
        return new LinkedHashMap<>(m);
    }

}
