package com.insurepay.console.store;

import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.HistoryEntry;
import com.insurepay.common.payment.Payment;
import java.util.List;
import java.util.Set;

/**
 * A payment as stored, with everything kept under its key: history, Stripe event marks, refund requests and the
 * customer e-mails recorded on it (oldest first).
 */
public record PaymentRecord(Payment payment, List<HistoryEntry> history, Set<String> stripeEvents, List<RefundRequest> refunds,
        List<EmailRecord> emails) {
}
