package com.insurepay.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The gateway's only way to checkout-service, with the resilience each call can afford:
 * <ul>
 * <li>every call: a timeout, and a circuit breaker that opens when half of the last 8 calls of that operation failed
 * (transport failures and 5xx; a 4xx answer is the caller's problem, not an outage), so a dead checkout-service is
 * reported at once instead of holding every tool call for the full timeout;</li>
 * <li>reads (GET) only: up to 2 retries with jitter. Writes are never retried here: a timed-out POST may have
 * happened, and only the model (with the same arguments, which checkout-service de-duplicates) may repeat it.</li>
 * </ul>
 * Override values with MicroProfile Fault Tolerance config, e.g.
 * {@code com.insurepay.gateway.client.CheckoutClient/payment/Timeout/value=5000}.
 */
@ApplicationScoped
public class CheckoutClient {

    private static final Logger LOG = Logger.getLogger(CheckoutClient.class);

    @Inject
    @RestClient
    CheckoutApi api;

    // --- reads: retried ---

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {CheckoutUnavailableException.class,
            CheckoutProblemException.CheckoutFailedException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public PaymentView payment(String paymentIntentId) {
        return call(() -> api.getPayment(paymentIntentId));
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {CheckoutUnavailableException.class,
            CheckoutProblemException.CheckoutFailedException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public PaymentPage payments(String userId, Integer limit, String cursor) {
        return call(() -> api.listPayments(userId, limit, cursor));
    }

    /** A period's aggregates: a few reads of day items, however long the period. */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {CheckoutUnavailableException.class,
            CheckoutProblemException.CheckoutFailedException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public AnalyticsView analytics(String from, String to, String productName) {
        return call(() -> api.analytics(from, to, productName));
    }

    /** GET, but may create a fresh Stripe link when the old one expired: still safe to repeat (one live link per quote). */
    @Timeout(value = 12, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {CheckoutUnavailableException.class,
            CheckoutProblemException.CheckoutFailedException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public PaymentLinkView paymentLink(String quoteId) {
        return call(() -> api.getPaymentLink(quoteId));
    }

    // --- writes: never retried here ---

    @Timeout(value = 12, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public PaymentView createPayment(CheckoutRequests.CreatePayment request) {
        return call(() -> api.createPayment(request));
    }

    @Timeout(value = 12, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public PaymentView cancel(String paymentIntentId, CheckoutRequests.Cancel request) {
        return call(() -> api.cancelPayment(paymentIntentId, request));
    }

    @Timeout(value = 12, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public RefundView refund(String paymentIntentId, String idempotencyKey, CheckoutRequests.Refund request) {
        return call(() -> api.refundPayment(paymentIntentId, idempotencyKey, request));
    }

    /** @return the policy and whether this call issued it (201) or found it issued before (200) */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public Created<PolicyView> issuePolicy(String paymentIntentId) {
        return call(() -> Created.of(api.issuePolicy(paymentIntentId)));
    }

    @Timeout(value = 12, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public Created<PaymentLinkView> savePaymentLink(String quoteId, CheckoutRequests.SavePaymentLink request) {
        return call(() -> Created.of(api.savePaymentLink(quoteId, request)));
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CheckoutProblemException.CheckoutRejectedException.class)
    public EmailSentView sendPaymentLink(String quoteId, CheckoutRequests.SendPaymentLink request) {
        return call(() -> api.sendPaymentLink(quoteId, request));
    }

    /** A body and whether the answer was 201 Created. */
    public record Created<T>(T body, boolean created) {
        static <T> Created<T> of(RestResponse<T> response) {
            return new Created<>(response.getEntity(), response.getStatus() == 201);
        }
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (CheckoutException known) {
            throw known;
        } catch (RuntimeException transport) {
            // Refused/reset connections and read timeouts arrive as ProcessingException; anything else unexpected
            // (an unreadable body) is treated the same way for the caller, with the cause kept in the log.
            LOG.warnf("checkout-service call failed: %s", transport.toString());
            LOG.debug("checkout-service call failure", transport);
            throw new CheckoutUnavailableException("checkout-service did not answer: " + transport.getMessage(), transport);
        }
    }
}
