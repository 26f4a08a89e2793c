package com.insurepay.console.service;

import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PolicyStatus;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyRepository;
import com.insurepay.common.privacy.EmailMask;
import com.insurepay.common.store.DeliveryLog;
import com.insurepay.common.store.DeliveryRecord;
import com.insurepay.console.store.PaymentRecord;
import com.insurepay.console.store.PaymentRecords;
import com.insurepay.console.store.RefundRequest;
import com.insurepay.console.store.SavedLinkMail;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One payment's story for an operator: its history (applied and refused, with actors, request and conversation
 * ids, Stripe event ids), its refund requests, its policy and the customer e-mails recorded on it (or, for a
 * payment link e-mailed before those records, on its quote's saved link), in time order.
 */
@ApplicationScoped
public class PaymentTimeline {

    /** The Stripe events looked up in the delivery log per page (a payment rarely has more than a handful). */
    static final int MAX_EVENTS_LOOKED_UP = 50;

    private final PaymentRecords records;
    private final PolicyRepository policies;
    private final DeliveryLog deliveries;

    public PaymentTimeline(PaymentRecords records, PolicyRepository policies, DeliveryLog deliveries) {
        this.records = records;
        this.policies = policies;
        this.deliveries = deliveries;
    }

    /** The tenant's payment, or empty when there is none with this id for this tenant. */
    public Optional<PaymentView> find(String tenant, String paymentId) {
        if (paymentId == null || !Criteria.ID.matcher(paymentId).matches()) {
            return Optional.empty();
        }
        return records.find(paymentId).filter(r -> tenant.equals(r.payment().tenant())).map(this::view);
    }

    private PaymentView view(PaymentRecord record) {
        Payment p = record.payment();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (HistoryEntry h : record.history()) {
            String what = h.applied() ? (h.from() == null ? "created as " : Display.words(h.from().wireName()) + " → ")
                    + Display.words(h.to().wireName()) : "refused: " + Display.words(h.to().wireName()) + " not applied";
            timeline.add(entry(h.at(), h.applied() ? "status" : "refused", h.applied() ? "Status" : "Refused", what, h.actor(),
                    h.source() == null ? null : h.source().name().toLowerCase(java.util.Locale.ROOT), h.stripeEventId(), h.requestId(),
                    h.conversationId(), h.detail()));
        }
        List<RefundRow> refunds = new ArrayList<>();
        for (RefundRequest r : record.refunds().stream().sorted(Comparator.comparing(RefundRequest::requestedAt,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList()) {
            String amount = Display.money(r.amount(), p.currency());
            refunds.add(new RefundRow(Display.time(r.requestedAt()), amount, Display.words(r.state()), Display.orDash(r.stripeStatus()),
                    Display.orDash(r.refundId()), Display.orDash(r.reason()), Display.orDash(r.actor()), Display.orDash(r.requestId()),
                    Display.orDash(r.conversationId())));
            timeline.add(entry(r.requestedAt(), "refund", "Refund", "refund of " + amount + " requested ("
                    + Display.words(r.state()) + (r.refundId() == null ? "" : ", " + r.refundId()) + ")", r.actor(), "api", null,
                    r.requestId(), r.conversationId(), r.reason()));
        }
        String policyIssuedAt = "–";
        String policyIssuedBy = "–";
        if (p.hasPolicy()) {
            Optional<Policy> policy = policies.find(p.policyId());
            if (policy.isPresent()) {
                policyIssuedAt = Display.time(policy.get().issuedAt());
                policyIssuedBy = Display.orDash(policy.get().issuedBy());
                timeline.add(entry(policy.get().issuedAt(), "policy", "Policy", "policy " + policy.get().policyNumber() + " issued",
                        policy.get().issuedBy(), null, null, null, null, null));
            }
        }
        for (EmailRecord m : record.emails()) {
            boolean sent = m.outcome() == EmailRecord.Outcome.SENT;
            timeline.add(entry(m.at(), sent ? "email" : "email-failed", "E-mail", emailWords(m.kind()) + (sent ? " e-mailed"
                    : " not sent: the mail server did not take it"), m.actor(), null, null, m.requestId(), null, m.outcome().wireName()));
        }
        // The saved link keeps only the last link e-mail sent; the payment's records (every attempt) supersede it.
        boolean linkMailsRecorded = record.emails().stream().anyMatch(m -> m.kind() == EmailRecord.Kind.PAYMENT_LINK);
        Optional<SavedLinkMail> linkMail = linkMailsRecorded ? Optional.empty()
                : records.linkMail(p.tenant(), p.quoteId(), p.paymentId());
        linkMail.ifPresent(m -> timeline.add(entry(m.sentAt(), "email", "E-mail", "payment link e-mailed to "
                + Display.orDash(EmailMask.mask(m.sentTo())), null, null, null, null, null, "sent")));
        List<String> mailNotes = new ArrayList<>();
        mailNotes.add("Policy confirmations and \"nothing was charged\" notices come from the payment's e-mail records: every "
                + "attempt, sent or failed, with its actor and request id (never the address or the text)."
                + (record.emails().stream().anyMatch(m -> m.kind() != EmailRecord.Kind.PAYMENT_LINK) ? ""
                        : " None is recorded for this payment."));
        mailNotes.add(linkMailsRecorded
                ? "Payment link e-mails come from the payment's e-mail records too (every attempt); the quote's saved link keeps "
                        + "only the last one sent."
                : linkMail.isPresent() ? "The payment link e-mail comes from the quote's saved link (the last one sent)."
                        : "No payment link e-mail is recorded for this payment.");
        mailNotes.add("E-mails sent before checkout-service recorded them on the payment appear only in its metrics "
                + "(checkout_mail_sent_total, checkout_mail_failures_total) and its log.");
        timeline.sort(Comparator.comparing(TimelineEntry::instant, Comparator.nullsLast(Comparator.naturalOrder())));

        List<StripeEventRow> events = new ArrayList<>();
        record.stripeEvents().stream().sorted().limit(MAX_EVENTS_LOOKED_UP).forEach(id -> {
            Optional<DeliveryRecord> d = deliveries.find(id);
            events.add(
                    d.map(r -> new StripeEventRow(id, Display.orDash(r.type()), Display.orDash(r.outcome()), Display.time(r.receivedAt()),
                            Display.isoTime(r.receivedAt()), true)).orElseGet(() -> new StripeEventRow(id, "–", "–", "–", "", false)));
        });
        events.sort(Comparator.comparing(StripeEventRow::receivedAtIso));

        String dispute = p.disputeId() == null ? "–" : p.disputeId() + " (" + Display.orDash(p.disputeStatus()) + ")";
        return new PaymentView(p.paymentId(), p.tenant(), p.status().wireName(), Display.words(p.status().wireName()),
                Display.words(p.kind().wireName()), Display.money(p.amount(), p.currency()),
                Display.money(p.refundedAmount(), p.currency()),
                Display.money(p.refundableAmount(), p.currency()), Display.orDash(p.productName()),
                Display.orDash(EmailMask.mask(p.customerEmail())), p.userId(), p.quoteId(), Display.time(p.createdAt()),
                Display.time(p.updatedAt()), Display.time(p.expiresAt()), Display.time(p.paidAt()), Display.orDash(p.stripeSessionId()),
                Display.orDash(p.stripePaymentIntent()), Display.orDash(p.paymentLinkId()), Display.orDash(p.failureReason()), dispute,
                Display.orDash(p.policyNumber()), p.hasPolicy() ? PolicyStatus.of(p).wireName() : "–", policyIssuedAt, policyIssuedBy,
                timeline, events, refunds, mailNotes);
    }

    /** An e-mail's kind in the operator's words. */
    static String emailWords(EmailRecord.Kind kind) {
        return switch (kind) {
            case POLICY_CONFIRMATION -> "policy confirmation";
            case LATE_PAYMENT_REFUNDED -> "\"nothing was charged\" notice (late money refunded)";
            case PAYMENT_LINK -> "payment link";
        };
    }

    private static TimelineEntry entry(Instant at, String kind, String kindLabel, String what, String actor, String source,
            String stripeEventId, String requestId, String conversationId, String detail) {
        return new TimelineEntry(at, Display.time(at), Display.isoTime(at), kind, kindLabel, what, Display.orDash(actor),
                Display.orDash(source), Display.orDash(stripeEventId), Display.orDash(requestId), Display.orDash(conversationId),
                Display.orDash(detail));
    }
}
