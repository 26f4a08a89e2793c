package com.insurepay.sandbox.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import com.insurepay.sandbox.store.LineItem;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.store.StripeObject;
import com.insurepay.sandbox.support.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code expand[]}: replaces an id field by its object (dotted paths go deeper, {@code data.} reaches
 * into list items), plus the {@code line_items} sub-list of sessions and payment links.
 */
@ApplicationScoped
public class Expander {

    @Inject
    SandboxStore store;

    public ObjectNode expand(ObjectNode root, StripeParams params) {
        for (String path : params.stringList("expand")) {
            expandPath(root, path, path);
        }
        return root;
    }

    private void expandPath(JsonNode node, String path, String fullPath) {
        int dot = path.indexOf('.');
        String field = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        if (!(node instanceof ObjectNode object)) {
            throw notExpandable(field);
        }
        if ("list".equals(object.path("object").asText()) && field.equals("data")) {
            if (rest == null) {
                throw notExpandable(field);
            }
            for (JsonNode item : object.withArray("data")) {
                expandPath(item, rest, fullPath);
            }
            return;
        }
        if (field.equals("line_items") && object.has("id") && lineItemsOf(object.get("id").asText()).isPresent()) {
            object.set("line_items", lineItemsJson(object.get("id").asText()));
        } else {
            JsonNode value = object.get(field);
            if (value != null && value.isTextual()) {
                ObjectNode target = lookup(value.asText()).orElseThrow(() -> notExpandable(field));
                object.set(field, target);
            } else if (value == null || !value.isObject()) {
                throw notExpandable(field);
            }
        }
        if (rest != null) {
            expandPath(object.get(field), rest, fullPath);
        }
    }

    public ObjectNode lineItemsJson(String ownerId) {
        List<ObjectNode> items = new ArrayList<>();
        lineItemsOf(ownerId).orElse(List.of()).forEach(li -> items.add(li.toJson()));
        String url = ownerId.startsWith("cs_") ? "/v1/checkout/sessions/" + ownerId + "/line_items"
                : "/v1/payment_links/" + ownerId + "/line_items";
        return Json.list(url, items, false);
    }

    public Optional<List<LineItem>> lineItemsOf(String ownerId) {
        if (ownerId.startsWith("cs_")) {
            return store.sessions.find(ownerId).map(s -> s.spec().lineItems());
        }
        if (ownerId.startsWith("plink_")) {
            return store.paymentLinks.find(ownerId).map(l -> l.lineItems());
        }
        return Optional.empty();
    }

    private Optional<ObjectNode> lookup(String id) {
        Optional<? extends StripeObject> found = Optional.empty();
        if (id.startsWith("pi_")) {
            found = store.paymentIntents.find(id);
        } else if (id.startsWith("ch_")) {
            found = store.charges.find(id);
        } else if (id.startsWith("plink_")) {
            found = store.paymentLinks.find(id);
        } else if (id.startsWith("price_")) {
            found = store.prices.find(id);
        } else if (id.startsWith("prod_")) {
            found = store.products.find(id);
        } else if (id.startsWith("re_")) {
            found = store.refunds.find(id);
        } else if (id.startsWith("dp_")) {
            found = store.disputes.find(id);
        } else if (id.startsWith("cs_")) {
            found = store.sessions.find(id);
        }
        return found.map(StripeObject::toJson);
    }

    private static StripeApiException notExpandable(String field) {
        return StripeApiException.invalid(null, "expand", "This property cannot be expanded (" + field + ").");
    }

}
