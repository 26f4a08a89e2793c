package com.insurepay.sandbox.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.insurepay.sandbox.config.SandboxConfig;
import com.insurepay.sandbox.store.StripeEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Delivers events like Stripe: asynchronously (an API call never waits for a receiver), signed, and
 * retried on non-2xx or timeout per {@code sandbox.webhook.retry-schedule}. Delivery can be paused to
 * simulate missed webhooks; paused deliveries are held, not lost, and sent on resume.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int LOG_CAPACITY = 10_000;
    static final String USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

    @Inject
    SandboxConfig config;
    @Inject
    WebhookEndpointRegistry endpoints;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;

    private ScheduledExecutorService executor;
    private HttpClient http;
    private final AtomicBoolean paused = new AtomicBoolean();
    // Bumped by reset: retries scheduled before a reset are dropped instead of leaking into the next test.
    private final AtomicLong generation = new AtomicLong();
    private final List<Delivery> held = new ArrayList<>();
    private final List<DeliveryAttempt> log = new ArrayList<>();

    /** One event on its way to one endpoint. */
    private record Delivery(StripeEvent event, String endpointId, int attempt, long generation, boolean countsPending) {
    }

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(
                4,
                r -> {
                    Thread t = new Thread(r, "webhook-delivery-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.webhook().timeout()).build();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Queues the event for every endpoint that wants it; returns how many deliveries were queued. */
    public int dispatch(StripeEvent event) {
        return enqueue(event, true);
    }

    /** Sends an event again on purpose: receivers must cope with duplicates. */
    public int resend(StripeEvent event) {
        return enqueue(event, false);
    }

    private int enqueue(StripeEvent event, boolean countsPending) {
        int queued = 0;
        for (WebhookEndpoint endpoint : endpoints.all()) {
            if (endpoint.wants(event.type())) {
                if (countsPending) {
                    event.pendingWebhooks().incrementAndGet();
                }
                submit(new Delivery(event, endpoint.id(), 1, generation.get(), countsPending), 0);
                queued++;
            }
        }
        return queued;
    }

    private void submit(Delivery delivery, long delayMs) {
        executor.schedule(() -> attempt(delivery), delayMs, TimeUnit.MILLISECONDS);
    }

    private void attempt(Delivery delivery) {
        if (delivery.generation() != generation.get()) {
            return;
        }
        synchronized (held) {
            if (paused.get()) {
                held.add(delivery);
                record(delivery, endpointUrl(delivery), null, "delivery paused", 0, "held", null);
                return;
            }
        }
        WebhookEndpoint endpoint = endpoints.find(delivery.endpointId()).orElse(null);
        if (endpoint == null) {
            return; // removed meanwhile
        }
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            String payload = mapper.writeValueAsString(delivery.event().toJson());
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .timeout(config.webhook().timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header("Stripe-Signature", WebhookSigner.header(payload, endpoint.secret(), timestamp))
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (JsonProcessingException e) {
            error = "serialization failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long durationMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (error == null) {
            record(delivery, endpoint.url(), status, null, durationMs, "delivered", null);
            meters.counter("sandbox.webhook.deliveries", "outcome", "delivered").increment();
            finished(delivery);
            return;
        }
        List<Duration> schedule = config.webhook().retrySchedule();
        if (delivery.attempt() <= schedule.size()) {
            long delay = schedule.get(delivery.attempt() - 1).toMillis();
            record(delivery, endpoint.url(), status, error, durationMs, "retry_scheduled", delay);
            meters.counter("sandbox.webhook.deliveries", "outcome", "retry_scheduled").increment();
            submit(
                    new Delivery(delivery.event(), delivery.endpointId(), delivery.attempt() + 1, delivery.generation(),
                            delivery.countsPending()),
                    delay);
        } else {
            record(delivery, endpoint.url(), status, error, durationMs, "failed", null);
            meters.counter("sandbox.webhook.deliveries", "outcome", "failed").increment();
            LOG.warnf("Gave up delivering %s to %s after %d attempts: %s", delivery.event().id(), endpoint.url(), delivery.attempt(),
                    error);
            finished(delivery);
        }
    }

    private void finished(Delivery delivery) {
        if (delivery.countsPending()) {
            delivery.event().pendingWebhooks().decrementAndGet();
        }
    }

    private String endpointUrl(Delivery delivery) {
        return endpoints.find(delivery.endpointId()).map(WebhookEndpoint::url).orElse(null);
    }

    private void record(Delivery d, String url, Integer status, String error, long durationMs, String outcome, Long nextRetryMs) {
        DeliveryAttempt attempt = new DeliveryAttempt(d.event().id(), d.event().type(), d.endpointId(), url, d.attempt(), status, error,
                durationMs,
                Instant.now().toString(), outcome, nextRetryMs);
        synchronized (log) {
            if (log.size() >= LOG_CAPACITY) {
                log.remove(0);
            }
            log.add(attempt);
        }
    }

    /** The delivery log, oldest first, optionally for one event. */
    public List<DeliveryAttempt> deliveries(String eventId) {
        synchronized (log) {
            return log.stream().filter(a -> eventId == null || a.eventId().equals(eventId)).toList();
        }
    }

    public boolean isPaused() {
        return paused.get();
    }

    public int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    public void pause() {
        paused.set(true);
    }

    /** Resumes delivery and sends everything held meanwhile; returns how many were released. */
    public int resume() {
        List<Delivery> release;
        synchronized (held) {
            paused.set(false);
            release = new ArrayList<>(held);
            held.clear();
        }
        release.forEach(d -> submit(d, 0));
        return release.size();
    }

    public void reset() {
        generation.incrementAndGet();
        synchronized (held) {
            paused.set(false);
            held.clear();
        }
        synchronized (log) {
            log.clear();
        }
    }
}
