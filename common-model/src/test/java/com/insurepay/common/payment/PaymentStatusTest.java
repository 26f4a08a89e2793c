package com.insurepay.common.payment;

import static com.insurepay.common.payment.PaymentStatus.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentStatusTest {

    /** The architecture's table, written out independently of the enum's own definition. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(COMPLETED, FAILED, EXPIRED, CANCELLED),
            FAILED, EnumSet.of(COMPLETED, FAILED, EXPIRED, CANCELLED),
            COMPLETED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED),
            PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED),
            DISPUTED, EnumSet.of(DISPUTED),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class),
            EXPIRED, EnumSet.of(CANCELLED, PAID_AFTER_CLOSE),
            CANCELLED, EnumSet.of(PAID_AFTER_CLOSE),
            PAID_AFTER_CLOSE, EnumSet.of(PAID_AFTER_CLOSE, REFUNDED, DISPUTED));

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void everyPairIsAllowedExactlyWhenTheArchitectureSaysSo(PaymentStatus from) {
        for (PaymentStatus to : PaymentStatus.values()) {
            assertEquals(ALLOWED.get(from).contains(to), from.canBecome(to), from + " -> " + to);
        }
    }

    @Test
    void completedNeverGoesBack() {
        for (PaymentStatus back : EnumSet.of(PENDING, FAILED, EXPIRED, CANCELLED, COMPLETED)) {
            assertFalse(COMPLETED.canBecome(back), "completed -> " + back);
            assertFalse(PARTIALLY_REFUNDED.canBecome(back), "partially_refunded -> " + back);
        }
    }

    @Test
    void onlyAFullRefundIsFinalAndClosedPaymentsCanOnlyReceiveLateMoney() {
        assertEquals(EnumSet.of(REFUNDED), EnumSet.copyOf(java.util.Arrays.stream(values()).filter(PaymentStatus::isFinal).toList()));
        assertTrue(FAILED.isOpen(), "a declined card is retryable while the session is open");
        for (PaymentStatus closed : EnumSet.of(EXPIRED, CANCELLED)) {
            assertTrue(closed.isClosedUnpaid());
            assertTrue(java.util.Arrays.stream(values()).filter(closed::canBecome).noneMatch(s -> s.isOpen() || s.canIssuePolicy()),
                    closed + " is never open or paid-and-kept again");
        }
        assertTrue(EXPIRED.canBecome(CANCELLED), "a cancel racing its own session expiry still records the cancel");
    }

    @Test
    void theStatusSetsAreDefinedOnce() {
        assertEquals(EnumSet.of(PENDING, FAILED), EnumSet.copyOf(java.util.Arrays.stream(values()).filter(PaymentStatus::isOpen).toList()));
        assertEquals(EnumSet.of(COMPLETED, PARTIALLY_REFUNDED, PAID_AFTER_CLOSE),
                EnumSet.copyOf(java.util.Arrays.stream(values()).filter(PaymentStatus::isRefundable).toList()));
        assertEquals(EnumSet.of(COMPLETED, PARTIALLY_REFUNDED),
                EnumSet.copyOf(java.util.Arrays.stream(values()).filter(PaymentStatus::canIssuePolicy).toList()));
        assertTrue(PAID_AFTER_CLOSE.isPaid(), "late money was taken: it must be given back");
        assertEquals(EnumSet.of(PENDING, FAILED), PaymentStatus.sourcesOf(COMPLETED));
        assertEquals(EnumSet.of(EXPIRED, CANCELLED, PAID_AFTER_CLOSE), PaymentStatus.sourcesOf(PAID_AFTER_CLOSE));
    }

    @Test
    void wireNamesRoundTrip() {
        for (PaymentStatus s : values()) {
            assertEquals(s, PaymentStatus.parse(s.wireName()));
        }
        assertEquals("partially_refunded", PARTIALLY_REFUNDED.wireName());
        assertTrue(PaymentStatus.fromWireName("paid").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> PaymentStatus.parse("bogus"));
    }
}
