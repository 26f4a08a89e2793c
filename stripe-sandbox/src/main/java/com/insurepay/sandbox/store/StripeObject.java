package com.insurepay.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Anything the API returns: it has an id, a creation time, an insertion order and its JSON. */
public interface StripeObject {

    String id();

    long created();

    /** Insertion order, to sort objects created in the same second newest-first like Stripe. */
    long seq();

    ObjectNode toJson();
}
