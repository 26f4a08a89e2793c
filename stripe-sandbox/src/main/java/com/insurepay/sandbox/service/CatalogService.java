package com.insurepay.sandbox.service;

import com.insurepay.sandbox.api.ParamCatalog;
import com.insurepay.sandbox.api.ParamEcho;
import com.insurepay.sandbox.api.ParamSchema;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import com.insurepay.sandbox.store.Price;
import com.insurepay.sandbox.store.Product;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.support.Currencies;
import com.insurepay.sandbox.support.Json;
import com.insurepay.sandbox.support.SandboxClock;
import com.insurepay.sandbox.support.StripeIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/** Products and one-time Prices: what Payment Links sell. */
@ApplicationScoped
public class CatalogService {

    static final ParamSchema PRODUCT_SCHEMA = ParamCatalog.schema("POST /v1/products");
    static final ParamSchema PRICE_SCHEMA = ParamCatalog.schema("POST /v1/prices");
    /** Product parameters applied here; any other one that is a field of the product is echoed on it. */
    static final Set<String> PRODUCT_APPLIED = Set.of("id", "name", "description", "metadata", "expand");
    static final Set<String> PRICE_APPLIED = Set.of("currency", "unit_amount", "unit_amount_decimal", "product", "product_data", "nickname",
            "metadata",
            "active", "expand");
    /** Parameters Stripe has but the sandbox cannot honour: it sells one-time, per-unit prices only. */
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("default_price_data", "create the price with POST /v1/prices"),
            Map.entry("recurring", "only one-time prices (mode=payment)"),
            Map.entry("tiers", "only per-unit prices"),
            Map.entry("tiers_mode", "only per-unit prices"),
            Map.entry("transform_quantity", "only per-unit prices"),
            Map.entry("custom_unit_amount", "only fixed unit amounts"),
            Map.entry("currency_options", "one currency per price"));

    @Inject
    SandboxStore store;
    @Inject
    SandboxClock clock;

    public Product createProduct(StripeParams params) {
        params.allowOnly(PRODUCT_SCHEMA);
        Validation.refuseUnsupported(params, UNSUPPORTED);
        String name = Validation.maxLength(params.requiredString("name"), 250, "name");
        String id = params.string("id").orElse(StripeIds.newId("prod_"));
        if (store.products.find(id).isPresent()) {
            throw StripeApiException.invalid("resource_already_exists", "id", "Product already exists.");
        }
        return store.products.put(
                new Product(id, clock.now(), store.nextSeq(), name, params.string("description").orElse(null),
                        params.metadata("metadata"), ParamEcho.of(params, PRODUCT_SCHEMA, PRODUCT_APPLIED)));
    }

    public Product product(String id) {
        return store.products.find(id).orElseThrow(() -> StripeApiException.resourceMissing("product", "id", id));
    }

    public Price createPrice(StripeParams params) {
        params.allowOnly(PRICE_SCHEMA);
        Validation.refuseUnsupported(params, UNSUPPORTED);
        params.string("billing_scheme").filter(b -> !b.equals("per_unit")).ifPresent(b -> {
            throw Validation.unsupported("billing_scheme", "only per-unit prices");
        });
        String currency = Currencies.normalize(params.requiredString("currency"), "currency");
        long unitAmount = CheckoutService.unitAmount(params);
        Currencies.checkUnitAmount(unitAmount, currency, "unit_amount");
        String productId = params.string("product").orElse(null);
        var productData = params.hash("product_data");
        if (productId != null && productData.isPresent()) {
            throw StripeApiException.invalid(null, "product", "You may only specify one of these parameters: product, product_data.");
        }
        if (productId != null) {
            product(productId);
        } else if (productData.isPresent()) {
            StripeParams pd = productData.get();
            productId = newProduct(pd, PRICE_SCHEMA).id();
        } else {
            throw StripeApiException.parameterMissing("product");
        }
        Price price = new Price(StripeIds.newId("price_"), clock.now(), store.nextSeq(), currency, unitAmount, productId,
                params.string("nickname").orElse(null), params.metadata("metadata"), params.bool("active").orElse(true),
                ParamEcho.of(params, PRICE_SCHEMA, PRICE_APPLIED));
        return store.prices.put(price);
    }

    public Price price(String id) {
        return store.prices.find(id).orElseThrow(() -> StripeApiException.resourceMissing("price", "id", id));
    }

    /** Inline {@code price_data} creates a Price (and maybe a Product) on Stripe too; same here. */
    Price inlinePrice(String currency, long unitAmount, String productId) {
        return store.prices.put(
                new Price(StripeIds.newId("price_"), clock.now(), store.nextSeq(), currency, unitAmount, productId, null, Map.of(),
                        false, Json.object()));
    }

    /** A product from {@code product_data} (of a price, or of a session's price_data): name, description, metadata. */
    Product newProduct(StripeParams productData, ParamSchema schema) {
        return store.products.put(
                new Product(StripeIds.newId("prod_"), clock.now(), store.nextSeq(), productData.requiredString("name"),
                        productData.string("description").orElse(null), productData.metadata("metadata"),
                        ParamEcho.of(productData, schema, PRODUCT_APPLIED)));
    }
}
