package com.insurepay.sandbox.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.ApiRequestContext;
import com.insurepay.sandbox.api.ParamCatalog;
import com.insurepay.sandbox.api.ParamSchema;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import com.insurepay.sandbox.config.SandboxConfig;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.store.StripeEvent;
import com.insurepay.sandbox.support.SandboxClock;
import com.insurepay.sandbox.support.StripeIds;
import com.insurepay.sandbox.webhook.WebhookDispatcher;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.LongPredicate;

/** Records every event (the Events API) and hands it to webhook delivery. */
@ApplicationScoped
public class EventService {

    static final ParamSchema LIST_SCHEMA = ParamCatalog.schema("GET /v1/events");

    @Inject
    SandboxStore store;
    @Inject
    SandboxClock clock;
    @Inject
    SandboxConfig config;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    ApiRequestContext requestContext;

    public StripeEvent emit(String type, ObjectNode object) {
        return emit(type, object, null);
    }

    public StripeEvent emit(String type, ObjectNode object, ObjectNode previousAttributes) {
        String requestId = null;
        String idempotencyKey = null;
        // Like Stripe: events caused by an API call name that request; page and automation actions do not.
        if (Arc.container().requestContext().isActive() && requestContext.isApiRequest()) {
            requestId = requestContext.requestId();
            idempotencyKey = requestContext.idempotencyKey();
        }
        StripeEvent event = store.events.put(
                new StripeEvent(StripeIds.newId("evt_"), clock.now(), store.nextSeq(), type, config.events().apiVersion(),
                        object, previousAttributes, requestId, idempotencyKey));
        dispatcher.dispatch(event);
        return event;
    }

    public StripeEvent get(String id) {
        return store.events.find(id).orElseThrow(() -> StripeApiException.resourceMissing("event", "id", id));
    }

    public ObjectNode list(StripeParams params) {
        params.allowOnly(LIST_SCHEMA);
        String type = params.string("type").orElse(null);
        List<String> types = params.stringList("types");
        if (type != null && !types.isEmpty()) {
            throw StripeApiException.invalid(null, "types", "You may only specify one of these parameters: type, types.");
        }
        if (types.size() > 20) {
            throw StripeApiException.invalid(null, "types", "You may specify up to 20 types.");
        }
        LongPredicate created = StripeLists.createdFilter(params);
        List<StripeEvent> matching = store.events.newestFirst(
                e -> created.test(e.created())
                        && (type == null || typeMatches(type, e.type()))
                        && (types.isEmpty() || types.stream().anyMatch(t -> typeMatches(t, e.type()))));
        return StripeLists.page(matching, params, "/v1/events", "event");
    }

    /** Stripe allows a trailing wildcard: {@code checkout.session.*}. */
    static boolean typeMatches(String pattern, String type) {
        if (pattern.endsWith("*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }
}
