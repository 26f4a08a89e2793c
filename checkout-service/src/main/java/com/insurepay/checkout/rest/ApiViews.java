package com.insurepay.checkout.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.insurepay.checkout.service.PaymentLinkService.EmailSent;
import com.insurepay.checkout.service.PaymentLinkService.LinkState;
import com.insurepay.checkout.service.PolicyService.IssuedPolicy;
import com.insurepay.checkout.service.RefundService.RefundOutcome;
import com.insurepay.common.ids.Timestamps;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.store.StoredPayment;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** The JSON the API returns (snake_case by the Jackson naming strategy), exactly as docs/checkout-api.md shows. */
public final class ApiViews {

    private ApiViews() {
    }

    public record PaymentView(
            String paymentIntentId, String tenant, String userId, String quoteId, long amount, String currency,
            String amountDisplay, String productName, String customerEmail, String paymentStatus, String kind, String sessionId,
            String checkoutUrl, String expiresAt, String stripePaymentIntent, String paymentLinkId, String failureReason,
            long refundedAmount, long refundableAmount, String paidAt, String disputeStatus, String policyId,
            String policyNumber, @JsonInclude(JsonInclude.Include.NON_NULL) String policyStatus, String createdAt,
            String updatedAt, String webhookProcessedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryView> history,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean created) {

        public static PaymentView of(StoredPayment stored, Boolean created) {
            return of(stored.payment(), stored.history(), created);
        }

        /** In a list: without the history. */
        public static PaymentView summary(Payment p) {
            return of(p, null, null);
        }

        private static PaymentView of(Payment p, List<HistoryEntry> history, Boolean created) {
            return new PaymentView(p.paymentId(), p.tenant(), p.userId(), p.quoteId(), p.amount(), p.currency(),
                    p.money().format(), p.productName(), p.customerEmail(), p.status().wireName(), p.kind().wireName(),
                    p.stripeSessionId(), p.checkoutUrl(), ts(p.expiresAt()), p.stripePaymentIntent(), p.paymentLinkId(),
                    p.failureReason(), p.refundedAmount(), p.refundableAmount(), ts(p.paidAt()), p.disputeStatus(), p.policyId(),
                    p.policyNumber(), p.hasPolicy() ? p.policyStatus().wireName() : null, ts(p.createdAt()), ts(p.updatedAt()),
                    ts(p.webhookProcessedAt()), history == null ? null : history.stream().map(HistoryView::of).toList(), created);
        }
    }

    /** One line of the audit trail: what changed (or was refused), who did it, and because of which Stripe event. */
    public record HistoryView(String at, String from, String to, boolean applied, String source, String actor,
            String stripeEventId, String detail, String requestId, String conversationId) {

        static HistoryView of(HistoryEntry h) {
            return new HistoryView(ts(h.at()), h.from() == null ? null : h.from().wireName(), h.to().wireName(), h.applied(),
                    h.source().wireName(), h.actor(), h.stripeEventId(), h.detail(), h.requestId(), h.conversationId());
        }
    }

    public record PaymentListView(List<PaymentView> items, String nextCursor) {
    }

    public record RefundView(String refundId, String paymentIntentId, long amount, String currency, String amountDisplay,
            String reason, String refundStatus, long refundedAmount, long refundableAmount, String paymentStatus) {

        public static RefundView of(RefundOutcome o) {
            Payment p = o.payment();
            return new RefundView(o.refund().refundId(), p.paymentId(), o.refund().amount(), p.currency(),
                    new Money(o.refund().amount(), p.currency()).format(), o.refund().reason(), o.refund().stripeStatus(),
                    p.refundedAmount(), p.refundableAmount(), p.status().wireName());
        }
    }

    /**
     * A policy and its cover, which follows the money: {@code policy_status} active, suspended (a dispute is open) or
     * cancelled (fully refunded, or a dispute lost); {@code refunded_amount} records a partial refund. Returned inside
     * a {@code Response} (201 or 200) too, so Quarkus REST cannot discover it for native mode: registered.
     */
    @RegisterForReflection
    public record PolicyView(String policyId, String policyNumber, String paymentIntentId, String policyDocumentUrl,
            String issuedAt, String issuedBy, String policyStatus, String paymentStatus, long refundedAmount,
            boolean confirmationEmailSent) {

        public static PolicyView of(IssuedPolicy i) {
            Payment p = i.payment();
            return new PolicyView(i.policy().policyId(), i.policy().policyNumber(), i.policy().paymentId(), i.documentUrl(),
                    ts(i.policy().issuedAt()), i.policy().issuedBy(), p.policyStatus().wireName(), p.status().wireName(),
                    p.refundedAmount(), i.confirmationEmailSent());
        }
    }

    public record PaymentLinkView(String quoteId, String paymentLinkId, String paymentLinkUrl, String paymentIntentId,
            long amount, String currency, String amountDisplay, String productName, String expiresAt, boolean isActive,
            String paymentStatus, String sentAt, String sentTo) {

        public static PaymentLinkView of(LinkState s, Instant now) {
            var l = s.link();
            return new PaymentLinkView(l.quoteId(), l.stripePaymentLinkId(), l.url(), l.paymentId(), l.amount(), l.currency(),
                    new Money(l.amount(), l.currency()).format(), l.productName(), ts(l.expiresAt()), s.isActive(now),
                    s.payment().status().wireName(), ts(l.sentAt()), l.sentTo());
        }
    }

    public record EmailSentView(String quoteId, String sentTo, String sentAt, String paymentLinkUrl) {

        public static EmailSentView of(EmailSent e) {
            return new EmailSentView(e.quoteId(), e.sentTo(), ts(e.sentAt()), e.paymentLinkUrl());
        }
    }

    /** Written by the exception mappers inside a {@code Response}, so Quarkus REST cannot discover it for native mode. */
    @RegisterForReflection
    public record ProblemView(int status, String title, String code, String detail, String field, String paymentIntentId,
            String paymentStatus) {
    }

    static String ts(Instant i) {
        return Timestamps.format(i);
    }
}
