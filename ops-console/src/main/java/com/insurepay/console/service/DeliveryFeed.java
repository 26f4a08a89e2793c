package com.insurepay.console.service;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.store.CursorCodec;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.DeliveryRecord;
import com.insurepay.common.store.Page;
import com.insurepay.common.store.PaymentQueries;
import com.insurepay.common.ids.Timestamps;
import com.insurepay.common.table.PaymentTable;
import com.insurepay.common.table.PaymentTable.DeliveryRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recent webhook deliveries of one tenant, newest first: the day's delivery log ({@code deliveries-index}, one
 * Query per 100 records) and the payments they name (one BatchGetItem), keeping the tenant's. The log has no
 * tenant of its own; the payment decides.
 */
@ApplicationScoped
public class DeliveryFeed {

    public static final int PAGE_SIZE = 50;
    public static final List<String> OUTCOMES = List.of("applied", "stale", "mismatch", "paid_after_close", "ignored", "recorded");
    private static final int MAX_ROUNDS = 10;

    private final DeliveryLog log;
    private final PaymentQueries queries;
    private final Clock clock;

    public DeliveryFeed(DeliveryLog log, PaymentQueries queries, Clock clock) {
        this.log = log;
        this.queries = queries;
        this.clock = clock;
    }

    /** @throws InvalidCriteriaException for a bad day, outcome or cursor */
    public DeliveryPage list(String tenant, String dayParam, String outcomeParam, String cursorParam) {
        Criteria c = new Criteria(clock);
        LocalDate parsed = c.day("date", dayParam);
        String outcome = Criteria.blankToNull(outcomeParam);
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            c.problem("outcome", "outcome must be one of " + String.join(", ", OUTCOMES));
            outcome = null;
        }
        String cursor = c.cursor(cursorParam);
        c.check();
        LocalDate day = parsed != null ? parsed : LocalDate.now(clock);

        List<DeliveryRecord> found = new ArrayList<>();
        int unattributed = 0;
        String next = cursor;
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Page<DeliveryRecord> page = log.receivedOn(day, PaymentQueries.MAX_PAGE_SIZE, next);
                Set<String> tenantsPayments = queries.findAll(page.items().stream().map(DeliveryRecord::paymentId)
                        .filter(id -> id != null).toList()).stream().filter(p -> tenant.equals(p.tenant())).map(Payment::paymentId)
                        .collect(Collectors.toSet());
                String lastKept = null;
                for (DeliveryRecord r : page.items()) {
                    if (r.paymentId() == null) {
                        unattributed++;
                    } else if (tenantsPayments.contains(r.paymentId()) && (outcome == null || outcome.equals(r.outcome()))) {
                        found.add(r);
                        if (found.size() == PAGE_SIZE) {
                            lastKept = r.eventId();
                            break;
                        }
                    }
                }
                next = page.nextCursor();
                if (lastKept != null) {
                    // The page is full inside this round: the next one starts right after the last record shown.
                    DeliveryRecord last = found.get(found.size() - 1);
                    boolean lastOfRound = page.items().get(page.items().size() - 1).eventId().equals(lastKept);
                    next = lastOfRound ? next : cursorAfter(last);
                    break;
                }
                if (next == null) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            throw Criteria.pageReadFailure(e, cursor);
        }
        List<DeliveryRow> rows = found.stream().map(r -> new DeliveryRow(r.eventId(), Display.orDash(r.type()),
                Display.orDash(r.stripeObjectId()), r.paymentId(), Display.orDash(r.outcome()), Display.time(r.receivedAt()),
                Display.isoTime(r.receivedAt()))).toList();
        String following = day.isBefore(LocalDate.now(clock)) ? day.plusDays(1).toString() : null;
        return new DeliveryPage(day.toString(), outcome == null ? "" : outcome, rows, unattributed, next, day.minusDays(1).toString(),
                following);
    }

    private static String cursorAfter(DeliveryRecord r) {
        return CursorCodec.encode(Map.of(PaymentTable.PK, AttributeValue.fromS(PaymentTable.EVENT_PK_PREFIX + r.eventId()),
                PaymentTable.SK, AttributeValue.fromS(PaymentTable.EVENT_SK),
                PaymentTable.DELIVERY_DAY, AttributeValue.fromS(PaymentTable.utcDay(r.receivedAt()).toString()),
                DeliveryRecords.RECEIVED_AT, AttributeValue.fromS(Timestamps.format(r.receivedAt()))));
    }
}
