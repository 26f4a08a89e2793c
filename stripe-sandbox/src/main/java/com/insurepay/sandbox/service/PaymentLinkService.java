package com.insurepay.sandbox.service;

import com.insurepay.sandbox.api.ParamCatalog;
import com.insurepay.sandbox.api.ParamEcho;
import com.insurepay.sandbox.api.ParamSchema;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import com.insurepay.sandbox.store.CheckoutSession;
import com.insurepay.sandbox.store.LineItem;
import com.insurepay.sandbox.store.PaymentLink;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.support.Json;
import com.insurepay.sandbox.support.SandboxClock;
import com.insurepay.sandbox.support.StripeIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Payment Links: create, update (active, metadata, restrictions, ...), and start a session from one. */
@ApplicationScoped
public class PaymentLinkService {

    static final ParamSchema CREATE_SCHEMA = ParamCatalog.schema("POST /v1/payment_links");
    static final ParamSchema UPDATE_SCHEMA = ParamCatalog.schema("POST /v1/payment_links/{id}");
    /** Parameters apply() and create() handle themselves; any other one that is a field of the link is echoed. */
    static final Set<String> APPLIED = Set.of("line_items", "currency", "metadata", "restrictions", "after_completion", "inactive_message",
            "payment_intent_data", "active", "customer_creation", "payment_method_types", "expand");
    /** Parameters Stripe has but the sandbox cannot honour for a link. */
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("application_fee_amount", "it has no Connect accounts"),
            Map.entry("application_fee_percent", "it has no Connect accounts"),
            Map.entry("on_behalf_of", "it has no Connect accounts"),
            Map.entry("transfer_data", "it has no Connect accounts"),
            Map.entry("payment_intent_data[transfer_group]", "it has no Connect accounts"),
            Map.entry("subscription_data", "only one-time prices"),
            Map.entry("shipping_options", "it has no shipping rates and charges no shipping"),
            Map.entry("optional_items", "only the line items are sold"),
            Map.entry("line_items[#][adjustable_quantity]", "the quantities of a link are fixed"),
            Map.entry("line_items[#][id]", "the line items of a link are fixed once it is created"));

    /** Stripe's rule for client_reference_id on payment link URLs. */
    private static final Pattern CLIENT_REFERENCE = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    @Inject
    SandboxStore store;
    @Inject
    SandboxClock clock;
    @Inject
    CheckoutService checkout;
    @Inject
    EventService events;

    public PaymentLink create(StripeParams params, String publicBaseUrl) {
        params.allowOnly(CREATE_SCHEMA);
        List<StripeParams> rawItems = params.list("line_items");
        if (rawItems.isEmpty()) {
            throw StripeApiException.parameterMissing("line_items");
        }
        refuseWhatTheSandboxCannotDo(params);
        for (String type : params.stringList("payment_method_types")) {
            if (!type.equals("card")) {
                throw StripeApiException.invalid(null, "payment_method_types", "stripe-sandbox supports only card payments.");
            }
        }
        List<LineItem> items = new ArrayList<>();
        for (StripeParams item : rawItems) {
            items.add(checkout.lineItem(item, false));
        }
        String currency = CheckoutService.singleCurrency(items);
        Validation.sameCurrency(params, currency);
        String id = StripeIds.newId("plink_");
        PaymentLink link = new PaymentLink(id, clock.now(), store.nextSeq(), items, publicBaseUrl + "/b/" + id);
        store.lock().lock();
        try {
            apply(link, params);
            return store.paymentLinks.put(link);
        } finally {
            store.lock().unlock();
        }
    }

    public PaymentLink update(String id, StripeParams params) {
        params.allowOnly(UPDATE_SCHEMA);
        refuseWhatTheSandboxCannotDo(params);
        store.lock().lock();
        try {
            PaymentLink link = get(id);
            boolean wasActive = link.active();
            apply(link, params);
            var previous = Json.object();
            if (wasActive != link.active()) {
                previous.put("active", wasActive);
            }
            events.emit("payment_link.updated", link.toJson(), previous);
            return link;
        } finally {
            store.lock().unlock();
        }
    }

    private void apply(PaymentLink link, StripeParams params) {
        params.bool("active").ifPresent(link::setActive);
        StripeParams.mergeMetadata(link.metadata(), params.metadata("metadata"));
        if (params.isUnset("inactive_message")) {
            link.setInactiveMessage(null);
        }
        params.string("inactive_message").map(m -> Validation.maxLength(m, 500, "inactive_message")).ifPresent(link::setInactiveMessage);
        if (params.isUnset("restrictions")) {
            link.setCompletedSessionsLimit(null);
        }
        params.hash("restrictions").flatMap(r -> r.hash("completed_sessions")).ifPresent(
                cs -> link.setCompletedSessionsLimit(
                        Validation.atLeast(cs.requiredInteger("limit"), 1, "restrictions[completed_sessions][limit]")));
        Optional<StripeParams> after = params.hash("after_completion");
        if (after.isPresent()) {
            String type = after.get().oneOf("type", List.of("hosted_confirmation", "redirect"))
                    .orElseThrow(() -> StripeApiException.parameterMissing("after_completion[type]"));
            if (type.equals("redirect")) {
                String url = after.get().hash("redirect").flatMap(r -> r.string("url"))
                        .orElseThrow(() -> StripeApiException.parameterMissing("after_completion[redirect][url]"));
                link.setAfterCompletion(type, Validation.url(url, "after_completion[redirect][url]"), null);
            } else {
                link.setAfterCompletion(type, null,
                        after.get().hash("hosted_confirmation").flatMap(h -> h.string("custom_message")).orElse(null));
            }
        }
        Optional<StripeParams> piData = params.hash("payment_intent_data");
        if (piData.isPresent()) {
            LinkedHashMap<String, String> metadata = new LinkedHashMap<>(link.paymentIntentMetadata());
            StripeParams.mergeMetadata(metadata, piData.get().metadata("metadata"));
            link.setPaymentIntentData(metadata, piData.get().string("description").orElse(link.paymentIntentDescription()));
        }
        params.string("customer_creation").ifPresent(link::setCustomerCreation);
        ParamSchema schema = params.has("line_items") ? CREATE_SCHEMA : UPDATE_SCHEMA;
        link.echo(ParamEcho.of(params, schema, APPLIED),
                ParamEcho.of(piData.orElse(StripeParams.empty()), schema, CheckoutService.PAYMENT_INTENT_APPLIED));
    }

    private static void refuseWhatTheSandboxCannotDo(StripeParams params) {
        Validation.refuseUnsupported(params, UNSUPPORTED);
        Validation.refuseTaxAndManualCapture(params);
    }

    public PaymentLink get(String id) {
        return store.paymentLinks.find(id)
                .orElseThrow(() -> StripeApiException.resourceMissing("payment_link", "payment_link", id));
    }

    /** Outcome of opening a link's URL: a new session, or the reason it cannot sell any more. */
    public record LinkVisit(CheckoutSession session, PaymentLink link, String inactiveMessage) {
    }

    public LinkVisit startSession(String linkId, String clientReferenceId, String publicBaseUrl) {
        store.lock().lock();
        try {
            PaymentLink link = store.paymentLinks.find(linkId).orElse(null);
            if (link == null) {
                return new LinkVisit(null, null, "This payment link does not exist.");
            }
            if (!link.canStartSession()) {
                String message = link.inactiveMessage() != null ? link.inactiveMessage() : "This link is no longer active.";
                return new LinkVisit(null, link, message);
            }
            String reference = clientReferenceId != null && CLIENT_REFERENCE.matcher(clientReferenceId).matches() ? clientReferenceId
                    : null;
            boolean redirect = "redirect".equals(link.afterCompletionType());
            CheckoutSession.Spec spec = new CheckoutSession.Spec(
                    link.currency(), link.lineItems(), reference, null, link.customerCreation(),
                    new LinkedHashMap<>(link.metadata()), new LinkedHashMap<>(link.paymentIntentMetadata()),
                    link.paymentIntentDescription(), clock.now() + CheckoutService.MAX_EXPIRY_SECONDS,
                    redirect ? link.redirectUrl() : null, null, null, List.of("card"), link.id(),
                    redirect ? null : link.confirmationMessage(), link.echo().deepCopy(), link.paymentIntentEcho().deepCopy());
            return new LinkVisit(checkout.open(spec, publicBaseUrl), link, null);
        } finally {
            store.lock().unlock();
        }
    }
}
