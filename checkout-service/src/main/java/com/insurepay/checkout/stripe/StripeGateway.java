package com.insurepay.checkout.stripe;

import com.insurepay.checkout.config.StripeSettings;
import com.insurepay.checkout.stripe.StripeRecords.CheckoutSessionRef;
import com.insurepay.checkout.stripe.StripeRecords.ExpireOutcome;
import com.insurepay.checkout.stripe.StripeRecords.PaymentLinkRef;
import com.insurepay.checkout.stripe.StripeRecords.RefundResult;
import com.insurepay.checkout.stripe.StripeRecords.SessionState;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.Payment;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentLink;
import com.stripe.model.Price;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentLinkCreateParams;
import com.stripe.param.PaymentLinkUpdateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The only door to Stripe. Every POST carries an idempotency key derived from OUR ids, so a retry after a crash
 * or a timeout re-uses the object Stripe already made instead of making a second one. Errors come out as
 * {@link PaymentProviderException}: Stripe's wording is logged, never returned.
 */
@ApplicationScoped
public class StripeGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class);

    static final String UNAVAILABLE_MESSAGE = "The payment provider is unavailable right now; nothing was charged. Please try again in a moment.";
    static final String REFUSED_MESSAGE = "The payment provider refused the request; nothing was charged. Please contact support if this persists.";

    @Inject
    StripeSettings settings;

    private StripeClient client;

    @PostConstruct
    void init() {
        String base = settings.apiBase();
        client = StripeClient.builder()
                .setApiKey(settings.apiKey())
                .setApiBase(base)
                .setConnectBase(base)
                .setFilesBase(base)
                .setMeterEventsBase(base)
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .build();
    }

    /** Metadata that maps every Stripe object (session, PaymentIntent, charge) back to our payment. */
    public static Map<String, String> metadataOf(Payment payment) {
        return Map.of("payment_intent_id", payment.paymentId(), "user_id", payment.userId(), "quote_id", payment.quoteId());
    }

    public CheckoutSessionRef createCheckoutSession(Payment payment, Instant expiresAt, String successUrl, String cancelUrl) {
        Money money = payment.money();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(money.stripeCurrency())
                                .setUnitAmount(money.amount())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(payment.productName()).build())
                                .build())
                        .build())
                .setClientReferenceId(payment.paymentId())
                .putAllMetadata(metadataOf(payment))
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putAllMetadata(metadataOf(payment)).build())
                .setExpiresAt(expiresAt.getEpochSecond())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl);
        if (payment.customerEmail() != null) {
            params.setCustomerEmail(payment.customerEmail());
        }
        Session session = call("create checkout session", payment.paymentId(),
                () -> client.v1().checkout().sessions().create(params.build(), key("checkout-session-" + payment.paymentId())));
        return new CheckoutSessionRef(session.getId(), session.getUrl(),
                session.getExpiresAt() == null ? expiresAt : Instant.ofEpochSecond(session.getExpiresAt()));
    }

    public SessionState retrieveSession(String sessionId) {
        Session s = call("retrieve checkout session", sessionId, () -> client.v1().checkout().sessions().retrieve(sessionId));
        return state(s);
    }

    /**
     * Sessions started from a Payment Link (a link's payment has no session of its own until the customer opens it),
     * newest first, every page.
     */
    public List<SessionState> sessionsOfPaymentLink(String paymentLinkId) {
        SessionListParams params = SessionListParams.builder().setPaymentLink(paymentLinkId).setLimit(100L).build();
        return call("list sessions of payment link", paymentLinkId, () -> {
            List<SessionState> all = new java.util.ArrayList<>();
            for (Session s : client.v1().checkout().sessions().list(params).autoPagingIterable()) {
                all.add(state(s));
            }
            return all;
        });
    }

    /**
     * Closes the sessions a customer already opened from a Payment Link: deactivating a link stops NEW sessions,
     * not the open ones, which could otherwise still be paid.
     *
     * @return the sessions still open before, now expired (or found paid meanwhile: then they are returned as paid)
     */
    public List<SessionState> expireOpenSessionsOf(String paymentLinkId) {
        List<SessionState> handled = new java.util.ArrayList<>();
        for (SessionState s : sessionsOfPaymentLink(paymentLinkId)) {
            if (s.open() && expireSession(s.id(), paymentLinkId) == ExpireOutcome.NOT_OPEN) {
                handled.add(retrieveSession(s.id()));
            } else if (s.paid()) {
                handled.add(s);
            }
        }
        return handled;
    }

    /** Expires an open session; a session that is no longer open is reported, not treated as an error. */
    public ExpireOutcome expireSession(String sessionId, String paymentId) {
        try {
            call("expire checkout session", paymentId, () -> client.v1().checkout().sessions()
                    .expire(sessionId, key("expire-" + sessionId)));
            return ExpireOutcome.EXPIRED;
        } catch (PaymentProviderException e) {
            if (e.getCause() instanceof InvalidRequestException) {
                return ExpireOutcome.NOT_OPEN;
            }
            throw e;
        }
    }

    public RefundResult createRefund(String stripePaymentIntent, long amount, String reason, String paymentId,
            String idempotencyKey) {
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(stripePaymentIntent)
                .setAmount(amount)
                .putMetadata("payment_intent_id", paymentId);
        if (reason != null) {
            params.setReason(RefundCreateParams.Reason.valueOf(reason.toUpperCase(java.util.Locale.ROOT)));
        }
        Refund refund = call("create refund", paymentId, () -> client.v1().refunds().create(params.build(), key(idempotencyKey)));
        return new RefundResult(refund.getId(), refund.getAmount(), refund.getStatus(), refund.getCharge());
    }

    /** Stripe's own total of what was refunded on a charge: the value both we and webhook-service converge to. */
    public Optional<Long> amountRefundedOnCharge(String chargeId) {
        if (chargeId == null) {
            return Optional.empty();
        }
        Charge charge = call("retrieve charge", chargeId, () -> client.v1().charges().retrieve(chargeId));
        return Optional.ofNullable(charge.getAmountRefunded());
    }

    /** A one-time Price with its product, then a single-use Payment Link for it, both keyed by our payment id. */
    public PaymentLinkRef createPaymentLink(Payment payment, String redirectUrl) {
        Money money = payment.money();
        PriceCreateParams priceParams = PriceCreateParams.builder()
                .setCurrency(money.stripeCurrency())
                .setUnitAmount(money.amount())
                .setProductData(PriceCreateParams.ProductData.builder().setName(payment.productName()).build())
                .putMetadata("payment_intent_id", payment.paymentId())
                .build();
        Price price = call("create price", payment.paymentId(),
                () -> client.v1().prices().create(priceParams, key("price-" + payment.paymentId())));
        PaymentLinkCreateParams linkParams = PaymentLinkCreateParams.builder()
                .addLineItem(PaymentLinkCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build())
                .setRestrictions(PaymentLinkCreateParams.Restrictions.builder()
                        .setCompletedSessions(PaymentLinkCreateParams.Restrictions.CompletedSessions.builder()
                                .setLimit(1L).build())
                        .build())
                .setAfterCompletion(PaymentLinkCreateParams.AfterCompletion.builder()
                        .setType(PaymentLinkCreateParams.AfterCompletion.Type.REDIRECT)
                        .setRedirect(PaymentLinkCreateParams.AfterCompletion.Redirect.builder().setUrl(redirectUrl).build())
                        .build())
                .putAllMetadata(metadataOf(payment))
                .setPaymentIntentData(PaymentLinkCreateParams.PaymentIntentData.builder()
                        .putAllMetadata(metadataOf(payment)).build())
                .build();
        PaymentLink link = call("create payment link", payment.paymentId(),
                () -> client.v1().paymentLinks().create(linkParams, key("payment-link-" + payment.paymentId())));
        return new PaymentLinkRef(link.getId(), link.getUrl(), price.getId());
    }

    /** Stripe links never expire by themselves: we switch them off when our validity ends. */
    public void deactivatePaymentLink(String paymentLinkId, String inactiveMessage) {
        PaymentLinkUpdateParams params = PaymentLinkUpdateParams.builder()
                .setActive(false).setInactiveMessage(inactiveMessage).build();
        call("deactivate payment link", paymentLinkId,
                () -> client.v1().paymentLinks().update(paymentLinkId, params, key("deactivate-" + paymentLinkId)));
    }

    private static SessionState state(Session s) {
        return new SessionState(s.getId(), s.getStatus(), s.getPaymentStatus(), s.getPaymentIntent(), s.getPaymentLink(),
                s.getAmountTotal(), s.getCurrency());
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    @FunctionalInterface
    interface StripeCall<T> {
        T run() throws StripeException;
    }

    private <T> T call(String what, String ref, StripeCall<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException | RateLimitException e) {
            LOG.warnf("Stripe unreachable during %s for %s: %s", what, ref, e.getMessage());
            throw new PaymentProviderException(true, UNAVAILABLE_MESSAGE, e.getCode(), e);
        } catch (ApiException e) {
            // 5xx (or an unreadable answer): Stripe failed on its side.
            LOG.warnf("Stripe failed during %s for %s: status %s, %s", what, ref, e.getStatusCode(), e.getMessage());
            throw new PaymentProviderException(true, UNAVAILABLE_MESSAGE, e.getCode(), e);
        } catch (AuthenticationException e) {
            LOG.errorf("Stripe rejected our credentials during %s for %s: %s", what, ref, e.getMessage());
            throw new PaymentProviderException(false, REFUSED_MESSAGE, e.getCode(), e);
        } catch (StripeException e) {
            if (e.getStatusCode() != null && e.getStatusCode() >= 500) {
                LOG.warnf("Stripe failed during %s for %s: status %s, %s", what, ref, e.getStatusCode(), e.getMessage());
                throw new PaymentProviderException(true, UNAVAILABLE_MESSAGE, e.getCode(), e);
            }
            LOG.warnf("Stripe refused %s for %s: %s (%s)", what, ref, e.getMessage(), e.getCode());
            throw new PaymentProviderException(false, REFUSED_MESSAGE, e.getCode(), e);
        }
    }
}
