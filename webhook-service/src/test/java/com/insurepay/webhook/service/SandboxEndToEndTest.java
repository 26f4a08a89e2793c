package com.insurepay.webhook.service;

import static com.insurepay.webhook.support.Deliveries.awaitRecord;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.testsupport.StripeSandboxProcess;
import com.insurepay.webhook.support.Metrics;
import com.insurepay.webhook.support.PaymentSeeder;
import com.insurepay.webhook.support.StripeSigner;
import com.stripe.StripeClient;
import com.stripe.model.PaymentLink;
import com.stripe.model.Price;
import com.stripe.model.checkout.Session;
import com.stripe.param.PaymentLinkCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery from the stripe-sandbox end to end: stripe-java creates the objects at the sandbox as checkout-service
 * does, the sandbox "customer" pays, and the sandbox signs and delivers the real events to this service.
 * Needs the packaged sandbox ({@code ./mvnw -pl stripe-sandbox package}); skipped with that reason otherwise.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class SandboxEndToEndTest {

    static final Path SANDBOX_JAR = Path.of("..", "stripe-sandbox", "target", "quarkus-app", "quarkus-run.jar");
    static final Duration WAIT = Duration.ofSeconds(30);

    private static StripeSandboxProcess sandbox;
    private static StripeClient stripe;

    @TestHTTPResource("/webhook/stripe")
    URL webhookUrl;

    @Inject
    PaymentSeeder seeder;

    @Inject
    DeliveryLog deliveryLog;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void sandboxDeliveringHere() {
        Assumptions.assumeTrue(Files.isRegularFile(SANDBOX_JAR),
                "stripe-sandbox is not packaged (" + SANDBOX_JAR.toAbsolutePath().normalize()
                        + " missing): run ./mvnw -pl stripe-sandbox package to include the end-to-end delivery test");
        if (sandbox == null) {
            // Pinned to an older API version on purpose: what accounts pinned long ago send.
            sandbox = StripeSandboxProcess.start(Map.of(
                    "SANDBOX_WEBHOOK_ENDPOINTS", webhookUrl + "|" + StripeSigner.PRIMARY_SECRET,
                    "SANDBOX_API_VERSION", "2024-06-20",
                    "SANDBOX_WEBHOOK_RETRY_SCHEDULE", "200ms,400ms,800ms"));
            String base = sandbox.baseUrl();
            stripe = StripeClient.builder().setApiKey("sk_test_webhook_e2e").setApiBase(base).setConnectBase(base)
                    .setFilesBase(base).setMeterEventsBase(base).setMaxNetworkRetries(0).build();
        }
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.stop();
            sandbox = null;
        }
    }

    @Test
    void aPaidCheckoutThenAPartialRefundArriveAsSignedEventsAndAreApplied() throws Exception {
        String paymentId = seeder.pendingWithoutSession(PaymentKind.CHECKOUT);
        Session session = createSession(paymentId);
        seeder.attachSession(paymentId, session.getId(), session.getUrl(), Instant.ofEpochSecond(session.getExpiresAt()));

        String paid = pay(session.getId(), "4242424242424242");
        assertTrue(paid.contains("\"outcome\":\"succeeded\""), paid);
        Payment completed = awaitPayment(paymentId, p -> p.status() == PaymentStatus.COMPLETED);
        assertNotNull(completed.stripePaymentIntent());
        assertNotNull(completed.webhookProcessedAt());

        stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(completed.stripePaymentIntent())
                .setAmount(5000L).build());
        Payment refunded = awaitPayment(paymentId, p -> p.status() == PaymentStatus.PARTIALLY_REFUNDED);
        assertEquals(5000, refunded.refundedAmount());

        List<HistoryEntry> applied = seeder.history(paymentId).stream().filter(HistoryEntry::applied).toList();
        assertEquals(List.of(PaymentStatus.PENDING, PaymentStatus.COMPLETED, PaymentStatus.PARTIALLY_REFUNDED),
                applied.stream().map(HistoryEntry::to).toList());
        String completionEvent = applied.get(1).stripeEventId();
        assertEquals("applied", awaitRecord(deliveryLog, completionEvent).outcome());

        // Stripe sends duplicates: a resend of the completion event is answered "duplicate" and changes nothing.
        String duplicates = "webhook_deliveries_total{outcome=\"duplicate\",type=\"checkout.session.completed\"}";
        double before = Metrics.value(duplicates);
        post("/sandbox/events/" + completionEvent + "/resend", "");
        await("the resent completion answered as a duplicate").atMost(WAIT).until(() -> Metrics.value(duplicates) > before);
        assertEquals(1, seeder.history(paymentId).stream().filter(h -> completionEvent.equals(h.stripeEventId())).count());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, seeder.find(paymentId).status());
    }

    @Test
    void aDeclineIsRecordedWithStripesMessageAndARetryCompletes() throws Exception {
        String paymentId = seeder.pendingWithoutSession(PaymentKind.CHECKOUT);
        Session session = createSession(paymentId);
        seeder.attachSession(paymentId, session.getId(), session.getUrl(), Instant.ofEpochSecond(session.getExpiresAt()));

        pay(session.getId(), "4000000000009995");
        Payment failed = awaitPayment(paymentId, p -> p.status() == PaymentStatus.FAILED);
        assertEquals("Your card has insufficient funds.", failed.failureReason());

        pay(session.getId(), "4242424242424242");
        Payment completed = awaitPayment(paymentId, p -> p.status() == PaymentStatus.COMPLETED);
        assertEquals(null, completed.failureReason());
    }

    @Test
    void aPaymentLinkPaymentIsCompletedAndLearnsItsSession() throws Exception {
        String paymentId = seeder.pendingWithoutSession(PaymentKind.PAYMENT_LINK);
        Map<String, String> metadata = Map.of("payment_intent_id", paymentId, "user_id", "user-e2e", "quote_id", "quote-e2e");
        Price price = stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("sgd").setUnitAmount(PaymentSeeder.AMOUNT)
                .setProductData(PriceCreateParams.ProductData.builder().setName("Travel Cover").build()).build());
        PaymentLink link = stripe.v1().paymentLinks().create(PaymentLinkCreateParams.builder()
                .addLineItem(PaymentLinkCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build())
                .putAllMetadata(metadata)
                .setPaymentIntentData(PaymentLinkCreateParams.PaymentIntentData.builder().putAllMetadata(metadata).build())
                .build());
        seeder.attachPaymentLink(paymentId, link.getId());

        // The customer opens the link: the sandbox makes a session for it and redirects to its page.
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(link.getUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, opened.statusCode());
        String location = opened.headers().firstValue("Location").orElseThrow();
        String sessionId = location.substring(location.lastIndexOf('/') + 1);

        pay(sessionId, "4242424242424242");
        Payment completed = awaitPayment(paymentId, p -> p.status() == PaymentStatus.COMPLETED);
        assertEquals(sessionId, completed.stripeSessionId());
    }

    private Session createSession(String paymentId) throws Exception {
        Map<String, String> metadata = Map.of("payment_intent_id", paymentId, "user_id", "user-e2e", "quote_id", "quote-e2e");
        return stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("sgd")
                                .setUnitAmount(PaymentSeeder.AMOUNT)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Travel Cover").build())
                                .build())
                        .build())
                .setClientReferenceId(paymentId)
                .putAllMetadata(metadata)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata).build())
                .setSuccessUrl("http://localhost:8085/success?session_id={CHECKOUT_SESSION_ID}")
                .setCancelUrl("http://localhost:8085/cancel?session_id={CHECKOUT_SESSION_ID}")
                .build());
    }

    private String pay(String sessionId, String card) throws Exception {
        return post("/sandbox/checkout/sessions/" + sessionId + "/pay", "card=" + card);
    }

    private String post(String path, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private Payment awaitPayment(String paymentId, Predicate<Payment> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Payment current = seeder.find(paymentId);
        while (!condition.test(current)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("payment " + paymentId + " did not reach the expected state in " + WAIT + "; it is "
                        + current.status() + "; sandbox log: " + sandbox.logFile());
            }
            Thread.sleep(100);
            current = seeder.find(paymentId);
        }
        return current;
    }
}
