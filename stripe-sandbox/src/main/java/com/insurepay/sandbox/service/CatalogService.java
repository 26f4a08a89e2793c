package com.insurepay.sandbox.service;

import com.insurepay.sandbox.api.ParamSchema;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import com.insurepay.sandbox.store.Price;
import com.insurepay.sandbox.store.Product;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.support.Currencies;
import com.insurepay.sandbox.support.SandboxClock;
import com.insurepay.sandbox.support.StripeIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Products and one-time Prices: what Payment Links sell. */
@ApplicationScoped
public class CatalogService {

  static final ParamSchema PRODUCT_SCHEMA = ParamSchema.of("name", "description", "metadata[*]", "active", "expand[#]");
  static final ParamSchema PRICE_SCHEMA =
      ParamSchema.of(
          "currency", "unit_amount", "product", "product_data[name]", "product_data[metadata][*]",
          "product_data[active]", "metadata[*]", "nickname", "active", "expand[#]");

  @Inject SandboxStore store;
  @Inject SandboxClock clock;

  public Product createProduct(StripeParams params) {
    params.allowOnly(PRODUCT_SCHEMA);
    String name = Validation.maxLength(params.requiredString("name"), 250, "name");
    return newProduct(name, params.string("description").orElse(null), params.metadata("metadata"));
  }

  public Product product(String id) {
    return store.products.find(id).orElseThrow(() -> StripeApiException.resourceMissing("product", "id", id));
  }

  public Price createPrice(StripeParams params) {
    params.allowOnly(PRICE_SCHEMA);
    String currency = Currencies.normalize(params.requiredString("currency"), "currency");
    long unitAmount = params.requiredInteger("unit_amount");
    Currencies.checkUnitAmount(unitAmount, currency, "unit_amount");
    String productId = params.string("product").orElse(null);
    var productData = params.hash("product_data");
    if (productId != null && productData.isPresent()) {
      throw StripeApiException.invalid(null, "product", "You may only specify one of these parameters: product, product_data.");
    }
    if (productId != null) {
      product(productId);
    } else if (productData.isPresent()) {
      String name = productData.get().requiredString("name");
      productId = newProduct(name, null, productData.get().metadata("metadata")).id();
    } else {
      throw StripeApiException.parameterMissing("product");
    }
    Price price =
        new Price(StripeIds.newId("price_"), clock.now(), store.nextSeq(), currency, unitAmount, productId,
            params.string("nickname").orElse(null), params.metadata("metadata"), params.bool("active").orElse(true));
    return store.prices.put(price);
  }

  public Price price(String id) {
    return store.prices.find(id).orElseThrow(() -> StripeApiException.resourceMissing("price", "id", id));
  }

  /** Inline {@code price_data} creates a Price (and maybe a Product) on Stripe too; same here. */
  Price inlinePrice(String currency, long unitAmount, String productId) {
    return store.prices.put(
        new Price(StripeIds.newId("price_"), clock.now(), store.nextSeq(), currency, unitAmount, productId, null, Map.of(), false));
  }

  Product newProduct(String name, String description, Map<String, String> metadata) {
    return store.products.put(new Product(StripeIds.newId("prod_"), clock.now(), store.nextSeq(), name, description, metadata));
  }
}
