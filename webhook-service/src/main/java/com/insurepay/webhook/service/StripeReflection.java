package com.insurepay.webhook.service;

import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What stripe-java reflects on in a native image. {@code Webhook.constructEvent} (see {@link StripeSignatureVerifier})
 * checks the signature and then parses the payload into an {@link Event} with Gson, which creates it and sets its
 * fields reflectively ({@code Event.Data}, {@code Event.Request} come with it as nested classes). The data object stays
 * raw JSON (read by {@link StripeEvent} with Gson's tree API, which needs no reflection), so no model class of the
 * object itself is needed.
 */
@RegisterForReflection(targets = {ApiResource.class, StripeObject.class, Event.class})
final class StripeReflection {

    private StripeReflection() {
    }
}
