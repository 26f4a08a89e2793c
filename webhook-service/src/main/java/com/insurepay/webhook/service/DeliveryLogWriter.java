package com.insurepay.webhook.service;

import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.DeliveryRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes the delivery log off the request path: a delivery's effect (or its refusal) is already durable on the
 * payment item when Stripe gets its 2xx, so its log record may follow a moment later, batched ({@value
 * DeliveryLog#MAX_BATCH} per BatchWriteItem). A full buffer drops records (counted) rather than slowing webhooks
 * down; a clean shutdown flushes what is buffered. What the log holds is also in the payments' histories and in
 * Stripe's Events API (30 days), so a record lost in a crash loses no fact.
 */
@ApplicationScoped
public class DeliveryLogWriter {

    private static final Logger LOG = Logger.getLogger(DeliveryLogWriter.class);
    private static final int CAPACITY = 10_000;

    private final DeliveryLog log;
    private final BlockingQueue<DeliveryRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Counter dropped;
    private final Counter failed;
    private volatile boolean running;
    private Thread writer;

    public DeliveryLogWriter(DeliveryLog log, MeterRegistry registry) {
        this.log = log;
        this.dropped = Counter.builder("webhook.delivery.log.dropped")
                .description("Delivery log records dropped because the buffer was full").register(registry);
        this.failed = Counter.builder("webhook.delivery.log.failures")
                .description("Delivery log batches DynamoDB refused (records lost)").register(registry);
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        writer = new Thread(this::drain, "delivery-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.interrupt();
            writer.join(TimeUnit.SECONDS.toMillis(5));
        }
        flushAll();
    }

    /** Buffers a record; never blocks the caller. */
    public void enqueue(DeliveryRecord record) {
        if (!queue.offer(record)) {
            dropped.increment();
        }
    }

    /** Writes everything buffered now (tests, shutdown). */
    public void flushAll() {
        List<DeliveryRecord> batch = new ArrayList<>();
        while (queue.drainTo(batch, DeliveryLog.MAX_BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void drain() {
        List<DeliveryRecord> batch = new ArrayList<>();
        while (running) {
            try {
                DeliveryRecord first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, DeliveryLog.MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<DeliveryRecord> batch) {
        try {
            log.write(List.copyOf(batch));
        } catch (RuntimeException e) {
            failed.increment();
            LOG.warnf("%d delivery log records not written: %s", batch.size(), e.toString());
        }
    }
}
