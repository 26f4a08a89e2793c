package com.insurepay.webhook.service;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.store.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds our payment behind a Stripe object. Our own id first (checkout-service puts it in
 * {@code client_reference_id} and in the metadata of the session, its PaymentIntent and so its charges), then the
 * Stripe ids we stored: session, PaymentIntent, Payment Link (one GSI each).
 */
@ApplicationScoped
public class PaymentLocator {

    static final String OUR_ID_METADATA_KEY = "payment_intent_id";

    private final PaymentRepository payments;

    public PaymentLocator(PaymentRepository payments) {
        this.payments = payments;
    }

    public Optional<Payment> locate(StripeEvent event) {
        String paymentIntent = paymentIntentOf(event);
        String paymentLink = event.reference("payment_link");
        boolean session = "checkout.session".equals(event.objectType());
        return Stream.<Supplier<Optional<Payment>>>of(
                        () -> ours(event.field("client_reference_id")),
                        () -> ours(event.metadata(OUR_ID_METADATA_KEY)),
                        () -> session && event.objectId() != null ? payments.findByStripeSession(event.objectId()) : Optional.empty(),
                        () -> paymentIntent != null ? payments.findByStripePaymentIntent(paymentIntent) : Optional.empty(),
                        () -> paymentLink != null ? newestOfLink(paymentLink) : Optional.empty())
                .map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    /** The Stripe PaymentIntent an object belongs to: itself, or its {@code payment_intent} field. */
    public static String paymentIntentOf(StripeEvent event) {
        return "payment_intent".equals(event.objectType()) ? event.objectId() : event.reference("payment_intent");
    }

    private Optional<Payment> ours(String candidate) {
        // Foreign values (another integration's client_reference_id) are not even looked up.
        return Ids.isPaymentId(candidate) ? payments.find(candidate) : Optional.empty();
    }

    private Optional<Payment> newestOfLink(String paymentLinkId) {
        return payments.findByPaymentLink(paymentLinkId, 1, null).items().stream().findFirst()
                .flatMap(p -> payments.find(p.paymentId()));
    }
}
