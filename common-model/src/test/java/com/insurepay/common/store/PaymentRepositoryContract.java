package com.insurepay.common.store;

import static com.insurepay.common.payment.PaymentStatus.*;
import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.payment.TransitionResult;
import com.insurepay.common.payment.TransitionResult.Outcome;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyRepository;
import com.insurepay.common.table.PaymentTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The repository's behaviour against a real DynamoDB (Local, or LocalStack where Docker exists). No mocks.
 * Every test uses fresh ids, so tests share one table without interfering.
 */
abstract class PaymentRepositoryContract {

    static final String TABLE = "payments_contract";

    protected abstract DynamoDbClient client();

    PaymentRepository repository;
    ProcessedEventStore events;
    PolicyRepository policies;
    Clock clock = Clock.systemUTC();

    @BeforeEach
    void setUp() {
        PaymentTable.ensure(client(), TABLE);
        repository = new PaymentRepository(client(), TABLE, clock);
        events = new ProcessedEventStore(client(), TABLE);
        policies = new PolicyRepository(client(), TABLE, clock);
    }

    Payment newPayment(String userId, String quoteId) {
        Payment p = Payment.newPending(Ids.newPaymentId(clock.instant()), userId, quoteId, Money.of(15000, "SGD"),
                "Travel Cover", "alice@example.com", PaymentKind.CHECKOUT, clock.instant());
        repository.create(p, TransitionCause.api("initiate_purchase"));
        return p;
    }

    Payment paymentIn(PaymentStatus status) {
        Payment p = newPayment("user-" + UUID.randomUUID(), "quote-" + UUID.randomUUID());
        List<PaymentStatus> path = switch (status) {
            case PENDING -> List.of();
            case FAILED, COMPLETED, EXPIRED, CANCELLED -> List.of(status);
            case PARTIALLY_REFUNDED, REFUNDED, DISPUTED -> List.of(COMPLETED, status);
        };
        for (PaymentStatus step : path) {
            assertTrue(repository.transition(p.paymentId(), EnumSet.allOf(PaymentStatus.class), step, TransitionCause.api("setup"),
                    PaymentChanges.NONE, null).applied());
        }
        return repository.find(p.paymentId()).orElseThrow();
    }

    @Test
    void createsAndReadsBack() {
        Payment p = newPayment("user-1", "quote-" + UUID.randomUUID());
        Payment read = repository.find(p.paymentId()).orElseThrow();
        assertEquals(p, read);
        List<HistoryEntry> history = repository.history(p.paymentId());
        assertEquals(1, history.size());
        assertNull(history.get(0).from());
        assertEquals(PENDING, history.get(0).to());
    }

    @Test
    void duplicateCreateIsRefusedAndLeavesTheFirstIntact() {
        Payment p = newPayment("user-1", "quote-" + UUID.randomUUID());
        Payment other = new Payment(p.paymentId(), "someone-else", "q", 99999, "USD", "x", null, PENDING,
                PaymentKind.CHECKOUT, null, null, null, null, null, null, 0, null, null, p.createdAt(), p.updatedAt(), null, 0);
        assertThrows(DuplicateItemException.class, () -> repository.create(other, TransitionCause.api("again")));
        assertEquals("user-1", repository.find(p.paymentId()).orElseThrow().userId());
        assertEquals(1, repository.history(p.paymentId()).size());
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void everyTransitionRuleHoldsThroughTheRepository(PaymentStatus from) {
        for (PaymentStatus to : PaymentStatus.values()) {
            Payment p = paymentIn(from);
            TransitionResult r = repository.transition(p.paymentId(), EnumSet.allOf(PaymentStatus.class), to,
                    TransitionCause.api("test"), PaymentChanges.NONE, null);
            Payment after = repository.find(p.paymentId()).orElseThrow();
            if (from.canBecome(to)) {
                assertEquals(Outcome.APPLIED, r.outcome(), from + " -> " + to);
                assertEquals(to, after.status());
                assertEquals(p.version() + 1, after.version());
            } else {
                assertEquals(Outcome.NOT_ALLOWED, r.outcome(), from + " -> " + to);
                assertEquals(from, after.status());
                assertEquals(p.version(), after.version());
                HistoryEntry last = repository.history(p.paymentId()).get(repository.history(p.paymentId()).size() - 1);
                assertFalse(last.applied(), "a refused transition is recorded as not applied");
                assertEquals(to, last.to());
            }
        }
    }

    @Test
    void transitionOnlyFromTheExpectedStatuses() {
        Payment p = paymentIn(PENDING);
        TransitionResult r = repository.transition(p.paymentId(), Set.of(FAILED), COMPLETED, TransitionCause.api("x"),
                PaymentChanges.NONE, null);
        assertEquals(Outcome.NOT_ALLOWED, r.outcome());
        assertEquals(PENDING, repository.find(p.paymentId()).orElseThrow().status());
    }

    @Test
    void transitionWritesItsChangesAndMaintainsTheOpenIndex() {
        Payment p = paymentIn(PENDING);
        repository.attachCheckoutSession(p.paymentId(), "cs_test_" + UUID.randomUUID(), "http://localhost/c", clock.instant().minusSeconds(5), null);
        assertTrue(openIds().contains(p.paymentId()));
        repository.transition(p.paymentId(), Set.of(PENDING), FAILED, TransitionCause.webhook("evt_1", "payment_intent.payment_failed"),
                PaymentChanges.NONE.withFailureReason("Your card was declined.").withStripePaymentIntent("pi_1"), null);
        Payment failed = repository.find(p.paymentId()).orElseThrow();
        assertEquals("Your card was declined.", failed.failureReason());
        assertEquals("pi_1", failed.stripePaymentIntent());
        assertTrue(openIds().contains(p.paymentId()), "failed is still open");
        repository.transition(p.paymentId(), Set.of(FAILED), COMPLETED, TransitionCause.webhook("evt_2", "checkout.session.completed"),
                PaymentChanges.NONE.clearingFailureReason().stampingWebhookProcessed(), null);
        Payment done = repository.find(p.paymentId()).orElseThrow();
        assertNull(done.failureReason());
        assertNotNull(done.webhookProcessedAt());
        assertFalse(openIds().contains(p.paymentId()), "completed leaves the open-payments index");
        assertEquals(List.of(PENDING, FAILED, COMPLETED), repository.history(p.paymentId()).stream().map(HistoryEntry::to).toList());
    }

    private Set<String> openIds() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            Page<Payment> page = repository.findOpenExpiringBefore(clock.instant(), 100, cursor);
            page.items().forEach(p -> ids.add(p.paymentId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    /** Guards the conditional expression on status and version: without it, both threads would win. */
    @Test
    void twoConcurrentWritersOnTheSameTransitionExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Payment p = paymentIn(PENDING);
            int threads = 6;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<TransitionResult>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String event = "evt_" + i;
                Callable<TransitionResult> task = () -> {
                    start.await();
                    return repository.transition(p.paymentId(), Set.of(PENDING), COMPLETED,
                            TransitionCause.webhook(event, "checkout.session.completed"), PaymentChanges.NONE, null);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int applied = 0;
            for (Future<TransitionResult> f : results) {
                applied += f.get().applied() ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, applied, "exactly one writer applies the transition");
            long appliedEntries = repository.history(p.paymentId()).stream().filter(h -> h.applied() && h.to() == COMPLETED).count();
            assertEquals(1, appliedEntries, "history has exactly one applied completion");
            assertEquals(1, repository.find(p.paymentId()).orElseThrow().version());
        }
    }

    @Test
    void anEventMarkCommitsWithItsEffectAndDeduplicates() {
        Payment p = paymentIn(PENDING);
        String eventId = "evt_" + UUID.randomUUID();
        ProcessedEvent mark = new ProcessedEvent(eventId, "checkout.session.completed", "cs_1", null, null,
                clock.instant(), clock.instant().plus(Duration.ofDays(30)));
        TransitionResult first = repository.transition(p.paymentId(), Set.of(PENDING, FAILED), COMPLETED,
                TransitionCause.webhook(eventId, mark.type()), PaymentChanges.NONE, mark);
        assertEquals(Outcome.APPLIED, first.outcome());
        TransitionResult again = repository.transition(p.paymentId(), Set.of(PENDING, FAILED), COMPLETED,
                TransitionCause.webhook(eventId, mark.type()), PaymentChanges.NONE, mark);
        assertEquals(Outcome.DUPLICATE_EVENT, again.outcome());
        assertEquals(2, repository.history(p.paymentId()).size(), "the duplicate wrote nothing");
        ProcessedEvent stored = events.find(eventId).orElseThrow();
        assertEquals("applied", stored.outcome());
        assertEquals(p.paymentId(), stored.paymentId());
    }

    @Test
    void transitionWithComputesTheChangesFromTheStoredPayment() {
        Payment p = paymentIn(PARTIALLY_REFUNDED);
        repository.transition(p.paymentId(), Set.of(PARTIALLY_REFUNDED), PARTIALLY_REFUNDED, TransitionCause.api("refund"),
                PaymentChanges.NONE.withRefundedAmount(5000), null);
        // A smaller cumulative amount (an older event) must never lower what is stored.
        TransitionResult r = repository.transitionWith(p.paymentId(), Set.of(PARTIALLY_REFUNDED), PARTIALLY_REFUNDED,
                TransitionCause.api("older refund"),
                current -> PaymentChanges.NONE.withRefundedAmount(Math.max(current.refundedAmount(), 2000)), null);
        assertEquals(Outcome.APPLIED, r.outcome());
        assertEquals(5000, r.payment().refundedAmount());
        TransitionResult refused = repository.transitionWith(p.paymentId(), Set.of(COMPLETED), REFUNDED,
                TransitionCause.api("x"), current -> { throw new AssertionError("not called when not allowed"); }, null);
        assertEquals(Outcome.NOT_ALLOWED, refused.outcome());
    }

    @Test
    void attachStripeReferencesStoresOnlyWhatIsMissingAndIsFoundThroughTheIndexes() {
        Payment p = paymentIn(PENDING);
        String session = "cs_test_" + UUID.randomUUID();
        String intent = "pi_" + UUID.randomUUID();
        Payment after = repository.attachStripeReferences(p.paymentId(), session, null).orElseThrow();
        assertEquals(session, after.stripeSessionId());
        assertNull(after.stripePaymentIntent());
        assertEquals(PENDING, after.status());
        after = repository.attachStripeReferences(p.paymentId(), "cs_test_other", intent).orElseThrow();
        assertEquals(session, after.stripeSessionId(), "a stored session is never overwritten");
        assertEquals(intent, after.stripePaymentIntent());
        long version = after.version();
        assertEquals(version, repository.attachStripeReferences(p.paymentId(), session, intent).orElseThrow().version(),
                "nothing missing: nothing written");
        assertEquals(p.paymentId(), repository.findByStripeSession(session).orElseThrow().paymentId());
        assertEquals(p.paymentId(), repository.findByStripePaymentIntent(intent).orElseThrow().paymentId());
        assertTrue(repository.attachStripeReferences("pay_missing_" + UUID.randomUUID(), session, intent).isEmpty());
    }

    @Test
    void processedEventsAreMarkedOnceWithATtl() {
        String eventId = "evt_" + UUID.randomUUID();
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        ProcessedEvent e = new ProcessedEvent(eventId, "charge.refunded", "ch_1", null, "ignored", clock.instant(), expires);
        assertTrue(events.markProcessed(e));
        assertFalse(events.markProcessed(e));
        var item = client().getItem(b -> b.tableName(TABLE).key(ProcessedEventStore.key(eventId))).item();
        AttributeValue ttl = item.get(PaymentTable.TTL_ATTRIBUTE);
        assertEquals(Long.toString(expires.getEpochSecond()), ttl.n());
        assertEquals("ENABLED", client().describeTimeToLive(b -> b.tableName(TABLE)).timeToLiveDescription().timeToLiveStatusAsString());
    }

    @Test
    void queriesByUserNewestFirstWithPagination() throws InterruptedException {
        String user = "user-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(newPayment(user, "quote-" + i).paymentId());
            Thread.sleep(2);
        }
        newPayment("another-user", "quote-0");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Payment> page = repository.findByUser(user, 2, cursor);
            assertTrue(page.items().size() <= 2);
            page.items().forEach(p -> seen.add(p.paymentId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
        assertTrue(pages >= 3);
    }

    @Test
    void queriesByQuoteSessionPaymentIntentAndPaymentLink() {
        String quote = "quote-" + UUID.randomUUID();
        Payment first = newPayment("u", quote);
        Payment second = newPayment("u", quote);
        Page<Payment> byQuote = repository.findByQuote(quote, 1, null);
        assertEquals(List.of(second.paymentId()), byQuote.items().stream().map(Payment::paymentId).toList());
        assertEquals(List.of(first.paymentId()),
                repository.findByQuote(quote, 1, byQuote.nextCursor()).items().stream().map(Payment::paymentId).toList());

        String session = "cs_test_" + UUID.randomUUID();
        String link = "plink_" + UUID.randomUUID();
        repository.attachCheckoutSession(first.paymentId(), session, "http://localhost:12111/c/pay/" + session,
                clock.instant().plusSeconds(3600), link);
        assertEquals(first.paymentId(), repository.findByStripeSession(session).orElseThrow().paymentId());
        assertEquals(first.paymentId(), repository.findByPaymentLink(link, 10, null).items().get(0).paymentId());
        assertTrue(repository.findByStripeSession("cs_test_unknown").isEmpty());

        repository.transition(first.paymentId(), Set.of(PENDING), COMPLETED, TransitionCause.api("x"),
                PaymentChanges.NONE.withStripePaymentIntent("pi_" + first.paymentId()), null);
        assertEquals(first.paymentId(), repository.findByStripePaymentIntent("pi_" + first.paymentId()).orElseThrow().paymentId());
    }

    @Test
    void aSecondSessionCannotReplaceTheFirst() {
        Payment p = paymentIn(PENDING);
        repository.attachCheckoutSession(p.paymentId(), "cs_test_a" + p.paymentId(), "u", clock.instant().plusSeconds(60), null);
        repository.attachCheckoutSession(p.paymentId(), "cs_test_a" + p.paymentId(), "u", clock.instant().plusSeconds(60), null);
        assertThrows(IllegalStateException.class,
                () -> repository.attachCheckoutSession(p.paymentId(), "cs_test_b", "u", clock.instant().plusSeconds(60), null));
    }

    @Test
    void invalidCursorIsRefused() {
        assertThrows(InvalidCursorException.class, () -> repository.findByUser("u", 10, "garbage"));
    }

    @Test
    void onePolicyPerPaymentEvenWhenIssuingRaces() throws Exception {
        Payment p = paymentIn(COMPLETED);
        int year = 2026;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                long seq = policies.nextSequence(year);
                Policy policy = new Policy(Ids.newPolicyId(clock.instant()), Ids.policyNumber(clock.instant(), seq % 999_999 + 1),
                        p.paymentId(), p.userId(), p.quoteId(), p.productName(), p.amount(), p.currency(), p.customerEmail(),
                        clock.instant(), Policy.ACTIVE);
                return policies.issue(policy);
            }));
        }
        start.countDown();
        int issued = 0;
        for (Future<Boolean> f : results) {
            issued += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, issued);
        Payment after = repository.find(p.paymentId()).orElseThrow();
        assertNotNull(after.policyNumber());
        assertEquals(after.policyNumber(), policies.find(after.policyId()).orElseThrow().policyNumber());
    }

    @Test
    void noPolicyForAnUnpaidPayment() {
        Payment p = paymentIn(PENDING);
        Policy policy = new Policy(Ids.newPolicyId(clock.instant()), "POL-2026-999999", p.paymentId(), p.userId(), p.quoteId(),
                p.productName(), p.amount(), p.currency(), null, clock.instant(), Policy.ACTIVE);
        assertFalse(policies.issue(policy));
        assertTrue(policies.find(policy.policyId()).isEmpty());
    }

    @Test
    void policyCounterIsAtomicAndIncreasing() {
        int year = 1900 + (int) (Math.random() * 100);
        long a = policies.nextSequence(year);
        long b = policies.nextSequence(year);
        assertEquals(a + 1, b);
    }
}
