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
import com.insurepay.common.payment.StripeEvidence;
import com.insurepay.common.payment.Transition;
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
 * The repository's behaviour against a real DynamoDB protocol server (dynamodb-sandbox, or LocalStack where Docker
 * exists). No mocks. Every test uses fresh ids, so tests share one table without interfering.
 */
abstract class PaymentRepositoryContract {

    static final String TABLE = "payments_contract";
    static final long AMOUNT = 15000;

    protected abstract DynamoDbClient client();

    PaymentRepository repository;
    PaymentQueries queries;
    DeliveryLog deliveries;
    PolicyRepository policies;
    Clock clock = Clock.systemUTC();

    @BeforeEach
    void setUp() {
        PaymentTable.ensure(client(), TABLE);
        repository = new PaymentRepository(client(), TABLE, clock);
        queries = new PaymentQueries(client(), TABLE);
        deliveries = new DeliveryLog(client(), TABLE);
        policies = new PolicyRepository(client(), TABLE, clock);
    }

    Payment newPayment(String userId, String quoteId, PaymentKind kind, Instant expiresAt) {
        Payment p = Payment.newPending(Ids.newPaymentId(clock.instant()), "tenant-a", userId, quoteId, Money.of(AMOUNT, "SGD"),
                "Travel Cover", "alice@example.com", kind, expiresAt, clock.instant());
        repository.create(p, TransitionCause.api("initiate_purchase"));
        return p;
    }

    Payment newPayment(String userId, String quoteId) {
        return newPayment(userId, quoteId, PaymentKind.CHECKOUT, clock.instant().plus(Duration.ofHours(24)));
    }

    /** A checkout payment with its session, moved to {@code status} along the shortest allowed path. */
    Payment paymentIn(PaymentStatus status) {
        Payment p = newPayment("user-" + UUID.randomUUID(), "quote-" + UUID.randomUUID());
        repository.attachCheckoutSession(p.paymentId(), "cs_test_" + p.paymentId(), "http://localhost/c", p.expiresAt()).orElseThrow();
        List<PaymentStatus> path = switch (status) {
            case PENDING -> List.of();
            case FAILED, COMPLETED, EXPIRED, CANCELLED -> List.of(status);
            case PARTIALLY_REFUNDED, REFUNDED, DISPUTED -> List.of(COMPLETED, status);
            case PAID_AFTER_CLOSE -> List.of(CANCELLED, PAID_AFTER_CLOSE);
        };
        for (PaymentStatus step : path) {
            PaymentChanges changes = switch (step) {
                case PARTIALLY_REFUNDED -> PaymentChanges.NONE.withRefundedAmount(5000);
                case REFUNDED -> PaymentChanges.NONE.withRefundedAmount(AMOUNT);
                case DISPUTED -> PaymentChanges.NONE.withDispute("dp_" + p.paymentId(), Payment.DISPUTE_OPEN);
                default -> PaymentChanges.NONE;
            };
            assertTrue(repository.apply(p.paymentId(), Transition.to(step, TransitionCause.api("setup")).with(changes)).applied(),
                    "setup " + step);
        }
        return repository.find(p.paymentId()).orElseThrow();
    }

    static StripeEvidence sessionOf(Payment p) {
        return StripeEvidence.session("cs_test_" + p.paymentId(), null, "pi_" + p.paymentId(), p.amount(), "sgd");
    }

    static Transition completion(String eventId, StripeEvidence evidence) {
        return Transition.to(COMPLETED, TransitionCause.webhook(eventId, "checkout.session.completed"))
                .with(PaymentChanges.paid(evidence.paymentIntentId())).provenBy(evidence);
    }

    @Test
    void createsAndReadsBackWithTheFirstHistoryEntry() {
        Payment p = newPayment("user-1", "quote-" + UUID.randomUUID());
        assertEquals(p, repository.find(p.paymentId()).orElseThrow());
        List<HistoryEntry> history = repository.history(p.paymentId());
        assertEquals(1, history.size());
        assertNull(history.get(0).from());
        assertEquals(PENDING, history.get(0).to());
        assertEquals("tenant-a", repository.find(p.paymentId()).orElseThrow().tenant());
    }

    @Test
    void duplicateCreateIsRefusedAndLeavesTheFirstIntact() {
        Payment p = newPayment("user-1", "quote-" + UUID.randomUUID());
        Payment other = Payment.newPending(p.paymentId(), "tenant-b", "someone-else", "q", Money.of(99999, "USD"), "x", null,
                PaymentKind.CHECKOUT, null, clock.instant());
        assertThrows(DuplicateItemException.class, () -> repository.create(other, TransitionCause.api("again")));
        assertEquals("user-1", repository.find(p.paymentId()).orElseThrow().userId());
        assertEquals(1, repository.history(p.paymentId()).size());
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void everyTransitionRuleHoldsThroughTheRepository(PaymentStatus from) {
        for (PaymentStatus to : PaymentStatus.values()) {
            Payment p = paymentIn(from);
            PaymentChanges changes = to == REFUNDED ? PaymentChanges.NONE.withRefundedAmount(AMOUNT)
                    : to == PARTIALLY_REFUNDED ? PaymentChanges.NONE.withRefundedAmount(p.refundedAmount() + 1) : PaymentChanges.NONE;
            TransitionResult r = repository.apply(p.paymentId(), Transition.to(to, TransitionCause.api("test")).with(changes));
            Payment after = repository.find(p.paymentId()).orElseThrow();
            List<HistoryEntry> history = repository.history(p.paymentId());
            HistoryEntry last = history.get(history.size() - 1);
            assertEquals(to, last.to());
            assertEquals(from, last.from(), "from is the status before, derived from the applied entries");
            if (from.canBecome(to)) {
                assertEquals(Outcome.APPLIED, r.outcome(), from + " -> " + to);
                assertEquals(to, after.status());
                assertEquals(p.version() + 1, after.version());
                assertTrue(last.applied());
            } else {
                assertEquals(Outcome.NOT_ALLOWED, r.outcome(), from + " -> " + to);
                assertEquals(from, after.status());
                assertEquals(p.version(), after.version(), "a refused change leaves the version alone");
                assertFalse(last.applied(), "a refused transition is recorded as not applied");
            }
        }
    }

    @Test
    void transitionWritesItsChangesAndMaintainsTheOpenIndex() {
        Payment p = newPayment("u", "quote-" + UUID.randomUUID(), PaymentKind.CHECKOUT, clock.instant().minusSeconds(5));
        repository.attachCheckoutSession(p.paymentId(), "cs_test_" + p.paymentId(), "http://localhost/c", p.expiresAt()).orElseThrow();
        assertTrue(openIds().contains(p.paymentId()));
        repository.apply(p.paymentId(),
                Transition.to(FAILED, TransitionCause.webhook("evt_1" + p.paymentId(), "payment_intent.payment_failed"))
                        .with(PaymentChanges.NONE.withFailureReason("Your card was declined.").withStripePaymentIntent("pi_1")));
        Payment failed = repository.find(p.paymentId()).orElseThrow();
        assertEquals("Your card was declined.", failed.failureReason());
        assertEquals("pi_1", failed.stripePaymentIntent());
        assertTrue(openIds().contains(p.paymentId()), "failed is still open");
        assertNull(failed.paidAt());
        repository.apply(p.paymentId(),
                Transition.to(COMPLETED, TransitionCause.webhook("evt_2" + p.paymentId(), "checkout.session.completed"))
                        .with(PaymentChanges.paid("pi_1").stampingWebhookProcessed()));
        Payment done = repository.find(p.paymentId()).orElseThrow();
        assertNull(done.failureReason());
        assertNotNull(done.webhookProcessedAt());
        assertNotNull(done.paidAt(), "the moment the money was recorded");
        assertFalse(openIds().contains(p.paymentId()), "completed leaves the open-payments index");
        assertEquals(List.of(PENDING, FAILED, COMPLETED), repository.history(p.paymentId()).stream().map(HistoryEntry::to).toList());
    }

    private Set<String> openIds() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            Page<Payment> page = queries.findOpenExpiringBefore(clock.instant(), 100, cursor);
            page.items().forEach(p -> ids.add(p.paymentId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    /** Guards the condition on the status: without it, every thread would win. */
    @Test
    void concurrentWritersOfOneTransitionExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Payment p = paymentIn(PENDING);
            int threads = 6;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<TransitionResult>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String event = "evt_" + i + "_" + p.paymentId();
                Callable<TransitionResult> task = () -> {
                    start.await();
                    return repository.apply(p.paymentId(), completion(event, sessionOf(p)));
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
            List<HistoryEntry> history = repository.history(p.paymentId());
            assertEquals(1, history.stream().filter(h -> h.applied() && h.to() == COMPLETED).count());
            assertEquals(threads - 1, history.stream().filter(h -> !h.applied()).count(), "the others are recorded as refused");
            assertEquals(2, repository.find(p.paymentId()).orElseThrow().version(), "session attach + one completion");
        }
    }

    /** Guards the event-id condition: one event delivered by many threads at once changes the payment once. */
    @Test
    void oneEventDeliveredConcurrentlyIsAppliedOnceAndRecordedOnce() throws Exception {
        Payment p = paymentIn(PENDING);
        String eventId = "evt_" + UUID.randomUUID();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<TransitionResult>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return repository.apply(p.paymentId(), completion(eventId, sessionOf(p)));
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<TransitionResult> f : results) {
            outcomes.add(f.get().outcome());
        }
        pool.shutdown();
        assertEquals(1, outcomes.stream().filter(o -> o == Outcome.APPLIED).count(), outcomes.toString());
        assertEquals(threads - 1, outcomes.stream().filter(o -> o == Outcome.DUPLICATE_EVENT).count(), outcomes.toString());
        assertEquals(1, repository.history(p.paymentId()).stream().filter(h -> eventId.equals(h.stripeEventId())).count());
    }

    @Test
    void aDuplicateEventWritesNothing() {
        Payment p = paymentIn(PENDING);
        String eventId = "evt_" + UUID.randomUUID();
        assertEquals(Outcome.APPLIED, repository.apply(p.paymentId(), completion(eventId, sessionOf(p))).outcome());
        Payment after = repository.find(p.paymentId()).orElseThrow();
        TransitionResult again = repository.apply(p.paymentId(), completion(eventId, sessionOf(p)));
        assertEquals(Outcome.DUPLICATE_EVENT, again.outcome());
        assertEquals(after, repository.find(p.paymentId()).orElseThrow());
        assertEquals(2, repository.history(p.paymentId()).size(), "created + completed: the duplicate wrote nothing");
        // A refused event is remembered too: its redelivery is a duplicate, not a second refusal.
        String late = "evt_" + UUID.randomUUID();
        Transition expiry = Transition.to(EXPIRED, TransitionCause.webhook(late, "checkout.session.expired"));
        assertEquals(Outcome.NOT_ALLOWED, repository.apply(p.paymentId(), expiry).outcome());
        assertEquals(Outcome.DUPLICATE_EVENT, repository.apply(p.paymentId(), expiry).outcome());
        assertEquals(3, repository.history(p.paymentId()).size());
    }

    @Test
    void evidenceOfAnotherSessionOrOtherMoneyNeverChangesThePaymentAndIsRecorded() {
        Payment p = paymentIn(PENDING);
        StripeEvidence own = sessionOf(p);
        List<StripeEvidence> foreign = List.of(
                StripeEvidence.session("cs_test_other", null, own.paymentIntentId(), AMOUNT, "sgd"),
                StripeEvidence.session(own.sessionId(), null, own.paymentIntentId(), 500L, "sgd"),
                StripeEvidence.session(own.sessionId(), null, own.paymentIntentId(), AMOUNT, "usd"),
                StripeEvidence.session(own.sessionId(), null, own.paymentIntentId(), null, "sgd"),
                StripeEvidence.session("cs_test_link", "plink_somebody", own.paymentIntentId(), AMOUNT, "sgd"));
        for (StripeEvidence evidence : foreign) {
            assertTrue(evidence.mismatchWith(p).isPresent(), "the Java rule refuses " + evidence);
            TransitionResult r = repository.apply(p.paymentId(), completion("evt_" + UUID.randomUUID(), evidence));
            assertEquals(Outcome.MISMATCH, r.outcome(), evidence.toString());
            assertEquals(evidence.mismatchWith(p).orElseThrow(), r.detail(), "the refusal names the mismatch");
            assertEquals(PENDING, repository.find(p.paymentId()).orElseThrow().status());
        }
        List<HistoryEntry> history = repository.history(p.paymentId());
        assertEquals(1 + foreign.size(), history.size());
        assertTrue(history.stream().skip(1).noneMatch(HistoryEntry::applied));
        assertTrue(history.get(1).detail().contains("cs_test_other"), history.get(1).detail());
        assertTrue(own.mismatchWith(p).isEmpty(), "the Java rule accepts the payment's own evidence");
        assertEquals(Outcome.APPLIED, repository.apply(p.paymentId(), completion("evt_" + UUID.randomUUID(), own)).outcome());
    }

    @Test
    void aPaymentLinkSessionIsThatLinksPaymentOnlyWhenTheLinkIsTheStoredOne() {
        Payment p = newPayment("u", "quote-" + UUID.randomUUID(), PaymentKind.PAYMENT_LINK, clock.instant().plus(Duration.ofDays(7)));
        String link = "plink_" + UUID.randomUUID();
        repository.attachPaymentLink(p.paymentId(), link, "http://localhost/b/" + link).orElseThrow();
        String session = "cs_test_" + UUID.randomUUID();
        StripeEvidence otherLink = StripeEvidence.session(session, "plink_other", "pi_x", AMOUNT, "SGD");
        assertEquals(Outcome.MISMATCH, repository.apply(p.paymentId(), completion("evt_" + UUID.randomUUID(), otherLink)).outcome());
        StripeEvidence own = StripeEvidence.session(session, link, "pi_x", AMOUNT, "SGD");
        Transition completion = completion("evt_" + UUID.randomUUID(), own);
        TransitionResult r = repository.apply(p.paymentId(), completion.with(completion.changes().withStripeSession(session)));
        assertEquals(Outcome.APPLIED, r.outcome());
        assertEquals(session, r.payment().stripeSessionId(), "the link's session is learnt from the completion");
        assertEquals(p.paymentId(), queries.findByStripeSession(session).orElseThrow().paymentId());
        // A second session of the same link is not this payment's money any more.
        StripeEvidence second = StripeEvidence.session("cs_test_second", link, "pi_y", AMOUNT, "SGD");
        Payment completed = r.payment();
        assertTrue(second.mismatchWith(completed).isPresent());
    }

    @Test
    void lateMoneyForAClosedPaymentIsPaidAfterCloseAndWaitsForItsRefund() {
        Payment p = paymentIn(CANCELLED);
        Transition late = Transition.to(PAID_AFTER_CLOSE, TransitionCause.webhook("evt_" + UUID.randomUUID(), "checkout.session.completed"))
                .with(PaymentChanges.paid("pi_" + p.paymentId())).provenBy(sessionOf(p));
        TransitionResult r = repository.apply(p.paymentId(), late);
        assertEquals(Outcome.APPLIED, r.outcome());
        assertEquals(PAID_AFTER_CLOSE, r.payment().status());
        assertNotNull(r.payment().paidAt());
        assertEquals(AMOUNT, r.payment().refundableAmount());
        assertFalse(r.payment().status().canIssuePolicy());
        List<String> waiting = queries.findPaidAfterClose(100, null).items().stream().map(Payment::paymentId).toList();
        assertTrue(waiting.contains(p.paymentId()));
        repository.apply(p.paymentId(), Transition.to(REFUNDED, TransitionCause.system("automatic refund"))
                .with(PaymentChanges.NONE.withRefundedAmount(AMOUNT)));
        assertFalse(queries.findPaidAfterClose(100, null).items().stream().anyMatch(x -> x.paymentId().equals(p.paymentId())));
    }

    @Test
    void lateMoneyArrivesOnceAndStaysLateMoneyUntilItIsAllGivenBack() {
        Payment p = paymentIn(EXPIRED);
        Transition late = Transition.to(PAID_AFTER_CLOSE, TransitionCause.webhook("evt_" + UUID.randomUUID(), "checkout.session.completed"))
                .with(PaymentChanges.paid("pi_" + p.paymentId())).provenBy(sessionOf(p));
        assertEquals(Outcome.APPLIED, repository.apply(p.paymentId(), late).outcome());
        Transition again = Transition.to(PAID_AFTER_CLOSE, TransitionCause.webhook("evt_" + UUID.randomUUID(),
                "checkout.session.async_payment_succeeded")).with(PaymentChanges.paid("pi_" + p.paymentId())).provenBy(sessionOf(p));
        TransitionResult second = repository.apply(p.paymentId(), again);
        assertEquals(Outcome.NOT_ALLOWED, second.outcome(), "the money arrives once");
        assertTrue(second.detail().contains("already recorded"), second.detail());

        TransitionResult part = repository.apply(p.paymentId(), Transition.to(PAID_AFTER_CLOSE, TransitionCause.api("refund part"))
                .with(PaymentChanges.NONE.withRefundedAmount(5000)));
        assertEquals(Outcome.APPLIED, part.outcome());
        assertEquals(PAID_AFTER_CLOSE, part.payment().status(), "a part given back is still late money");
        assertEquals(AMOUNT - 5000, part.payment().refundableAmount());
        assertFalse(part.payment().status().canIssuePolicy());
        assertTrue(queries.findPaidAfterClose(100, null).items().stream().anyMatch(x -> x.paymentId().equals(p.paymentId())),
                "still waiting for the rest of its refund");
    }

    @Test
    void aRefundThatArrivesBeforeTheCompletionAppliesBothStepsInOneWrite() {
        Payment p = paymentIn(PENDING);
        Transition refund = Transition.to(REFUNDED, TransitionCause.webhook("evt_" + UUID.randomUUID(), "charge.refunded"))
                .with(PaymentChanges.paid("pi_" + p.paymentId()).withRefundedAmount(AMOUNT))
                .provenBy(StripeEvidence.paymentIntent("ch_1", "pi_" + p.paymentId(), AMOUNT, "sgd"))
                .via(COMPLETED);
        TransitionResult r = repository.apply(p.paymentId(), refund);
        assertEquals(Outcome.APPLIED, r.outcome());
        assertEquals(REFUNDED, r.payment().status());
        assertEquals(List.of(PENDING, COMPLETED, REFUNDED), repository.history(p.paymentId()).stream().map(HistoryEntry::to).toList());
        assertEquals(p.version() + 1, r.payment().version(), "one write");
    }

    @Test
    void refundedAmountsOnlyRise() {
        Payment p = paymentIn(PARTIALLY_REFUNDED);
        assertEquals(5000, p.refundedAmount());
        TransitionResult older = repository.apply(p.paymentId(), Transition.to(PARTIALLY_REFUNDED, TransitionCause.api("older"))
                .with(PaymentChanges.NONE.withRefundedAmount(2000)));
        assertEquals(Outcome.NOT_ALLOWED, older.outcome());
        assertTrue(older.detail().contains("not above"), older.detail());
        assertEquals(5000, repository.find(p.paymentId()).orElseThrow().refundedAmount());
        TransitionResult newer = repository.apply(p.paymentId(), Transition.to(PARTIALLY_REFUNDED, TransitionCause.api("more"))
                .with(PaymentChanges.NONE.withRefundedAmount(7000)));
        assertEquals(7000, newer.payment().refundedAmount());
    }

    @Test
    void aDisputeOpensOnceAndClosesOnlyWhenItIsTheOpenOne() {
        Payment p = paymentIn(DISPUTED);
        assertEquals(Payment.DISPUTE_OPEN, p.disputeStatus());
        String dispute = p.disputeId();
        TransitionResult reopened = repository.apply(p.paymentId(), Transition.to(DISPUTED, TransitionCause.api("again"))
                .with(PaymentChanges.NONE.withDispute(dispute, Payment.DISPUTE_OPEN)));
        assertEquals(Outcome.NOT_ALLOWED, reopened.outcome());
        TransitionResult otherClosed = repository.apply(p.paymentId(), Transition.to(DISPUTED, TransitionCause.api("won"))
                .with(PaymentChanges.NONE.withDispute("dp_other", Payment.DISPUTE_WON)));
        assertEquals(Outcome.NOT_ALLOWED, otherClosed.outcome());
        TransitionResult won = repository.apply(p.paymentId(), Transition.to(DISPUTED, TransitionCause.api("won"))
                .with(PaymentChanges.NONE.withDispute(dispute, Payment.DISPUTE_WON)));
        assertEquals(Outcome.APPLIED, won.outcome());
        assertEquals(Payment.DISPUTE_WON, won.payment().disputeStatus());
        assertEquals(com.insurepay.common.payment.PolicyStatus.ACTIVE, won.payment().policyStatus());
        // A late completion cannot pull a disputed payment back.
        assertEquals(Outcome.NOT_ALLOWED, repository.apply(p.paymentId(), completion("evt_" + UUID.randomUUID(), sessionOf(p))).outcome());
        // The same dispute's "created" arriving late cannot suspend the cover again.
        assertEquals(Outcome.NOT_ALLOWED, repository.apply(p.paymentId(), Transition.to(DISPUTED, TransitionCause.api("late created"))
                .with(PaymentChanges.NONE.withDispute(dispute, Payment.DISPUTE_OPEN))).outcome());
    }

    @Test
    void referencesAreStoredOnlyWithTheirEvidenceAndNeverOverwritten() {
        Payment p = paymentIn(PENDING);
        String event = "evt_" + UUID.randomUUID();
        TransitionResult r = repository.recordReferences(p.paymentId(), sessionOf(p),
                TransitionCause.webhook(event, "checkout.session.completed"),
                PaymentChanges.NONE.withStripePaymentIntent("pi_" + p.paymentId()));
        assertEquals(Outcome.APPLIED, r.outcome());
        assertEquals("pi_" + p.paymentId(), r.payment().stripePaymentIntent());
        assertEquals(PENDING, r.payment().status());
        assertEquals(Outcome.DUPLICATE_EVENT, repository.recordReferences(p.paymentId(), sessionOf(p),
                TransitionCause.webhook(event, "checkout.session.completed"), PaymentChanges.NONE).outcome());
        TransitionResult other = repository.recordReferences(p.paymentId(),
                StripeEvidence.session("cs_test_other", null, null, AMOUNT, "SGD"),
                TransitionCause.webhook("evt_" + UUID.randomUUID(), "checkout.session.completed"),
                PaymentChanges.NONE.withStripePaymentIntent("pi_other"));
        assertEquals(Outcome.MISMATCH, other.outcome());
        assertEquals("pi_" + p.paymentId(), repository.find(p.paymentId()).orElseThrow().stripePaymentIntent());
        assertEquals(p.paymentId(), queries.findByStripePaymentIntent("pi_" + p.paymentId()).orElseThrow().paymentId());
        assertEquals(Outcome.NOT_FOUND, repository.recordReferences("pay_missing_" + UUID.randomUUID(), sessionOf(p),
                TransitionCause.webhook("evt_x", "x"), PaymentChanges.NONE).outcome());
    }

    @Test
    void stripeIdsAttachOnlyWhileThePaymentIsOpenAndNeverReplaceAnother() {
        Payment p = newPayment("u", "quote-" + UUID.randomUUID());
        String session = "cs_test_a" + p.paymentId();
        assertTrue(repository.attachCheckoutSession(p.paymentId(), session, "u", p.expiresAt()).isPresent());
        assertTrue(repository.attachCheckoutSession(p.paymentId(), session, "u", p.expiresAt()).isPresent(), "a retry is a no-op");
        assertTrue(repository.attachCheckoutSession(p.paymentId(), "cs_test_b", "u", p.expiresAt()).isEmpty());
        Payment closed = paymentIn(CANCELLED);
        Payment fresh = newPayment("u", "quote-" + UUID.randomUUID());
        repository.apply(fresh.paymentId(), Transition.to(CANCELLED, TransitionCause.api("cancel_payment")));
        assertTrue(repository.attachCheckoutSession(fresh.paymentId(), "cs_test_late", "u", fresh.expiresAt()).isEmpty(),
                "a session made while the payment was being cancelled is never attached");
        assertTrue(repository.attachPaymentLink(closed.paymentId(), "plink_late", "u").isEmpty());
        assertNull(repository.find(fresh.paymentId()).orElseThrow().stripeSessionId());
    }

    @Test
    void deliveryRecordsAreWrittenInBatchesWithATtl() {
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < DeliveryLog.MAX_BATCH; i++) {
            records.add(new DeliveryRecord("evt_" + UUID.randomUUID(), "charge.refunded", "ch_" + i, null, "ignored",
                    clock.instant(), expires));
        }
        deliveries.write(records);
        for (DeliveryRecord r : records) {
            assertEquals("ignored", deliveries.find(r.eventId()).orElseThrow().outcome());
        }
        var item = client().getItem(b -> b.tableName(TABLE).key(DeliveryLog.key(records.get(0).eventId()))).item();
        AttributeValue ttl = item.get(PaymentTable.TTL_ATTRIBUTE);
        assertEquals(Long.toString(expires.getEpochSecond()), ttl.n());
        assertEquals("ENABLED", client().describeTimeToLive(b -> b.tableName(TABLE)).timeToLiveDescription().timeToLiveStatusAsString());
        assertThrows(IllegalArgumentException.class,
                () -> deliveries.write(java.util.Collections.nCopies(DeliveryLog.MAX_BATCH + 1, records.get(0))));
    }

    @Test
    void aBatchWithTheSameEventTwiceWritesItOnceAndEveryOtherRecord() {
        // Eight concurrent deliveries of an event for an unknown payment are all logged "ignored": they can share a batch.
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        DeliveryRecord first = new DeliveryRecord("evt_" + UUID.randomUUID(), "checkout.session.completed", "cs_1", null, "ignored",
                clock.instant(), expires);
        DeliveryRecord again = new DeliveryRecord(first.eventId(), first.type(), "cs_2", null, "ignored", clock.instant(), expires);
        DeliveryRecord other = new DeliveryRecord("evt_" + UUID.randomUUID(), "charge.refunded", "ch_1", null, "ignored",
                clock.instant(), expires);
        deliveries.write(List.of(first, again, other, first));
        assertEquals("cs_1", deliveries.find(first.eventId()).orElseThrow().stripeObjectId());
        assertEquals("ignored", deliveries.find(other.eventId()).orElseThrow().outcome());
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
            Page<Payment> page = queries.findByUser(user, 2, cursor);
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
    void queriesByQuoteSessionPaymentIntentAndPaymentLinkReturnWholePayments() {
        String quote = "quote-" + UUID.randomUUID();
        Payment first = newPayment("u", quote);
        Payment second = newPayment("u", quote);
        Page<Payment> byQuote = queries.findByQuote(quote, 1, null);
        assertEquals(List.of(second), byQuote.items(), "the index holds keys only; the whole payment is loaded");
        assertEquals(List.of(first.paymentId()),
                queries.findByQuote(quote, 1, byQuote.nextCursor()).items().stream().map(Payment::paymentId).toList());

        String session = "cs_test_" + UUID.randomUUID();
        repository.attachCheckoutSession(first.paymentId(), session, "http://localhost:12111/c/pay/" + session,
                clock.instant().plusSeconds(3600)).orElseThrow();
        assertEquals(first.paymentId(), queries.findByStripeSession(session).orElseThrow().paymentId());
        assertTrue(queries.findByStripeSession("cs_test_unknown").isEmpty());

        Payment linked = newPayment("u", "quote-" + UUID.randomUUID(), PaymentKind.PAYMENT_LINK, clock.instant().plusSeconds(3600));
        String link = "plink_" + UUID.randomUUID();
        repository.attachPaymentLink(linked.paymentId(), link, "http://localhost:12111/b/" + link).orElseThrow();
        assertEquals(linked.paymentId(), queries.findByPaymentLink(link, 10, null).items().get(0).paymentId());

        repository.apply(first.paymentId(), Transition.to(COMPLETED, TransitionCause.api("x"))
                .with(PaymentChanges.paid("pi_" + first.paymentId())));
        assertEquals(first.paymentId(), queries.findByStripePaymentIntent("pi_" + first.paymentId()).orElseThrow().paymentId());
    }

    @Test
    void tenantScopedQueriesSeeOnlyTheTenantAndKeepPagesFull() {
        String user = "user-" + UUID.randomUUID();
        String quote = "quote-" + UUID.randomUUID();
        List<String> ofA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Payment other = Payment.newPending(Ids.newPaymentId(clock.instant()), "tenant-b", user, quote, Money.of(AMOUNT, "SGD"),
                    "Travel Cover", null, PaymentKind.CHECKOUT, clock.instant().plusSeconds(3600), clock.instant());
            repository.create(other, TransitionCause.api("initiate_purchase"));
            ofA.add(0, newPayment(user, quote).paymentId());
        }
        Page<Payment> first = queries.findByUser("tenant-a", user, 2, null);
        assertEquals(ofA.subList(0, 2), first.items().stream().map(Payment::paymentId).toList());
        assertNotNull(first.nextCursor());
        Page<Payment> second = queries.findByUser("tenant-a", user, 2, first.nextCursor());
        assertEquals(ofA.subList(2, 3), second.items().stream().map(Payment::paymentId).toList());
        assertEquals(3, queries.findByUser("tenant-b", user, 10, null).items().size());
        assertTrue(queries.findByUser("tenant-c", user, 10, null).items().isEmpty());
        assertEquals(ofA, queries.findByQuote("tenant-a", quote, 50).stream().map(Payment::paymentId).toList());
        assertTrue(queries.findByQuote("tenant-b", quote, 50).stream().allMatch(p -> "tenant-b".equals(p.tenant())));
    }

    @Test
    void aTenantsPaymentsOfADayNewestFirstFilteredByStatusWithPagination() {
        // Its own tenant, so payments of other tests on the same day do not count.
        String tenant = "tenant-day-" + UUID.randomUUID().toString().substring(0, 8);
        Instant day = Instant.parse("2026-03-04T10:00:00Z");
        List<String> all = new ArrayList<>();
        List<String> completed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Payment p = Payment.newPending(Ids.newPaymentId(day), tenant, "u", "q-" + i, Money.of(AMOUNT, "SGD"), "Travel Cover",
                    null, PaymentKind.CHECKOUT, day.plusSeconds(3600), day.plusSeconds(i));
            repository.create(p, TransitionCause.api("initiate_purchase"));
            all.add(0, p.paymentId());
            if (i % 2 == 0) {
                repository.apply(p.paymentId(), Transition.to(COMPLETED, TransitionCause.api("x")));
                completed.add(0, p.paymentId());
            }
        }
        Payment otherDay = Payment.newPending(Ids.newPaymentId(day), tenant, "u", "q-x", Money.of(AMOUNT, "SGD"), "Travel Cover",
                null, PaymentKind.CHECKOUT, day.plusSeconds(86400), day.plusSeconds(86400));
        repository.create(otherDay, TransitionCause.api("initiate_purchase"));
        Payment otherTenant = Payment.newPending(Ids.newPaymentId(day), tenant + "-b", "u", "q-y", Money.of(AMOUNT, "SGD"),
                "Travel Cover", null, PaymentKind.CHECKOUT, day.plusSeconds(3600), day.plusSeconds(5));
        repository.create(otherTenant, TransitionCause.api("initiate_purchase"));

        java.time.LocalDate date = java.time.LocalDate.parse("2026-03-04");
        assertEquals(all, collect(c -> queries.findByTenantDay(tenant, date, null, 3, c)));
        assertEquals(completed, collect(c -> queries.findByTenantDay(tenant, date, COMPLETED, 3, c)));
        assertEquals(completed.subList(0, 3), queries.findByTenantDay(tenant, date, COMPLETED, 3, null).items().stream()
                .map(Payment::paymentId).toList());
        assertTrue(queries.findByTenantDay(tenant, date, PaymentStatus.REFUNDED, 3, null).items().isEmpty());
        assertEquals(List.of(otherDay.paymentId()), queries.findByTenantDay(tenant, date.plusDays(1), null, 3, null).items().stream()
                .map(Payment::paymentId).toList());
    }

    private static List<String> collect(java.util.function.Function<String, Page<Payment>> query) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Payment> page = query.apply(cursor);
            assertTrue(page.items().size() <= 3);
            page.items().forEach(p -> seen.add(p.paymentId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return seen;
    }

    @Test
    void deliveriesOfADayNewestFirst() {
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        Instant day = Instant.parse("2025-02-03T08:00:00Z");
        List<String> newestFirst = new ArrayList<>();
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DeliveryRecord r = new DeliveryRecord("evt_" + UUID.randomUUID(), "checkout.session.completed", "cs_" + i, "pay_" + i,
                    i == 2 ? "mismatch" : "applied", day.plusSeconds(i), expires);
            records.add(r);
            newestFirst.add(0, r.eventId());
        }
        records.add(new DeliveryRecord("evt_" + UUID.randomUUID(), "charge.refunded", "ch_x", null, "ignored",
                day.plusSeconds(86400), expires));
        deliveries.write(records);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<DeliveryRecord> page = deliveries.receivedOn(java.time.LocalDate.parse("2025-02-03"), 2, cursor);
            page.items().forEach(r -> seen.add(r.eventId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(newestFirst, seen);
        assertEquals("mismatch", deliveries.receivedOn(java.time.LocalDate.parse("2025-02-03"), 10, null).items().get(2).outcome());
    }

    @Test
    void paymentsByIdInTheOrderAskedEachOnce() {
        Payment a = newPayment("u", "q-a");
        Payment b = newPayment("u", "q-b");
        assertEquals(List.of(b.paymentId(), a.paymentId()), queries.findAll(List.of(b.paymentId(), "pay_unknown", a.paymentId(),
                b.paymentId())).stream().map(Payment::paymentId).toList());
    }

    @Test
    void invalidCursorIsRefused() {
        assertThrows(InvalidCursorException.class, () -> queries.findByUser("u", 10, "garbage"));
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
                        clock.instant(), TransitionCause.SYSTEM);
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
        assertEquals(TransitionCause.SYSTEM, policies.find(after.policyId()).orElseThrow().issuedBy());
    }

    @Test
    void aPaidPaymentIsDueForAPolicyUntilOneIsIssued() {
        Payment p = paymentIn(COMPLETED);
        assertTrue(policyDue(p), "paid and kept: due");
        Policy policy = new Policy(Ids.newPolicyId(clock.instant()), "POL-2026-888888", p.paymentId(), p.userId(), p.quoteId(),
                p.productName(), p.amount(), p.currency(), null, clock.instant(), TransitionCause.SYSTEM);
        assertTrue(policies.issue(policy));
        assertFalse(policyDue(p), "issuing takes it out in the same write");

        // A partial refund lands the payment in a status that may have a policy: marked again, cleared by the sweep.
        TransitionResult part = repository.apply(p.paymentId(), Transition.to(PARTIALLY_REFUNDED, TransitionCause.api("part"))
                .with(PaymentChanges.NONE.withRefundedAmount(1000)));
        assertEquals(Outcome.APPLIED, part.outcome());
        assertTrue(policyDue(p));
        assertTrue(repository.clearPolicyDue(p.paymentId()));
        assertFalse(policyDue(p));
        assertFalse(repository.clearPolicyDue(p.paymentId()), "nothing left to clear");
        assertEquals(PARTIALLY_REFUNDED, repository.find(p.paymentId()).orElseThrow().status(), "only the marker changed");
    }

    @Test
    void clearingThePolicyMarkLeavesAnotherBucketAlone() {
        Payment p = paymentIn(PENDING);
        assertFalse(repository.clearPolicyDue(p.paymentId()));
        var item = client().getItem(b -> b.tableName(TABLE).key(PaymentItems.key(p.paymentId())).consistentRead(true)).item();
        assertEquals(PaymentTable.OPEN, item.get(PaymentTable.OPEN_BUCKET).s(), "still open for the reconciliation");
    }

    private boolean policyDue(Payment p) {
        return queries.findPolicyDue(100, null).items().stream().anyMatch(x -> x.paymentId().equals(p.paymentId()));
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"PENDING", "REFUNDED", "DISPUTED", "PAID_AFTER_CLOSE", "CANCELLED"})
    void noPolicyForMoneyThatIsNotPaidAndKept(PaymentStatus status) {
        Payment p = paymentIn(status);
        Policy policy = new Policy(Ids.newPolicyId(clock.instant()), "POL-2026-999999", p.paymentId(), p.userId(), p.quoteId(),
                p.productName(), p.amount(), p.currency(), null, clock.instant(), TransitionCause.SYSTEM);
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
