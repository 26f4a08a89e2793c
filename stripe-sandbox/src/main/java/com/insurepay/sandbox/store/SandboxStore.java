package com.insurepay.sandbox.store;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * All sandbox state, in memory. Reads are lock-free; every read-modify-write runs under
 * {@link #lock()} so two payments of one session can never both win. A @Singleton, not
 * @ApplicationScoped: callers read the public tables directly, which a client proxy would not forward.
 */
@Singleton
public class SandboxStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong sequence = new AtomicLong();

    public final Table<Product> products = new Table<>();
    public final Table<Price> prices = new Table<>();
    public final Table<CheckoutSession> sessions = new Table<>();
    public final Table<PaymentIntent> paymentIntents = new Table<>();
    public final Table<Charge> charges = new Table<>();
    public final Table<Refund> refunds = new Table<>();
    public final Table<Dispute> disputes = new Table<>();
    public final Table<PaymentLink> paymentLinks = new Table<>();
    public final Table<StripeEvent> events = new Table<>();

    public ReentrantLock lock() {
        return lock;
    }

    public long nextSeq() {
        return sequence.incrementAndGet();
    }

    public void clear() {
        lock.lock();
        try {
            for (Table<?> t : List.of(products, prices, sessions, paymentIntents, charges, refunds, disputes, paymentLinks, events)) {
                t.rows.clear();
            }
        } finally {
            lock.unlock();
        }
    }

    /** One object type by id. */
    public static final class Table<T extends StripeObject> {
        private final Map<String, T> rows = new ConcurrentHashMap<>();

        public T put(T row) {
            rows.put(row.id(), row);
            return row;
        }

        public Optional<T> find(String id) {
            return id == null ? Optional.empty() : Optional.ofNullable(rows.get(id));
        }

        /** Newest first, as Stripe lists. */
        public List<T> newestFirst(Predicate<T> filter) {
            return rows.values().stream()
                    .filter(filter)
                    .sorted(Comparator.comparingLong(StripeObject::seq).reversed())
                    .toList();
        }
    }
}
