package com.insurepay.webhook.service;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.store.PaymentQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of our payments a Stripe object may be about. Hints first, because they cost nothing: the id checkout-service
 * put in the metadata (which a customer cannot edit), then {@code client_reference_id} (which a customer CAN put on a
 * Payment Link URL). A hint only names the item to try: the write itself checks that the object's Stripe ids and
 * money are that payment's ({@code StripeEvidence}). When no hint holds, the stored Stripe ids are looked up in the
 * indexes: session, PaymentIntent, Payment Link.
 */
@ApplicationScoped
public class PaymentCandidates {

    static final String OUR_ID_METADATA_KEY = "payment_intent_id";

    private final PaymentQueries queries;

    public PaymentCandidates(PaymentQueries queries) {
        this.queries = queries;
    }

    /** Payment ids named by the object, metadata first; foreign values (not {@code pay_...}) are left out. */
    public List<String> hinted(StripeEvent event) {
        Set<String> ids = new LinkedHashSet<>();
        for (String hint : new String[] {event.metadata(OUR_ID_METADATA_KEY), event.field("client_reference_id")}) {
            if (Ids.isPaymentId(hint)) {
                ids.add(hint);
            }
        }
        return new ArrayList<>(ids);
    }

    /** The payment whose stored Stripe ids this object carries, found through the indexes. */
    public Optional<String> byStoredIds(StripeEvent event) {
        String paymentIntent = paymentIntentOf(event);
        if ("checkout.session".equals(event.objectType()) && event.objectId() != null) {
            Optional<Payment> bySession = queries.findByStripeSession(event.objectId());
            if (bySession.isPresent()) {
                return bySession.map(Payment::paymentId);
            }
        }
        if (paymentIntent != null) {
            Optional<Payment> byIntent = queries.findByStripePaymentIntent(paymentIntent);
            if (byIntent.isPresent()) {
                return byIntent.map(Payment::paymentId);
            }
        }
        String link = event.reference("payment_link");
        if (link != null) {
            return queries.findByPaymentLink(link, 1, null).items().stream().findFirst().map(Payment::paymentId);
        }
        return Optional.empty();
    }

    /** The Stripe PaymentIntent an object belongs to: itself, or its {@code payment_intent} field. */
    public static String paymentIntentOf(StripeEvent event) {
        return "payment_intent".equals(event.objectType()) ? event.objectId() : event.reference("payment_intent");
    }
}
