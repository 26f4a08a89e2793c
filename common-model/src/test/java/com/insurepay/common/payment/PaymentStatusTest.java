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
            DISPUTED, EnumSet.noneOf(PaymentStatus.class),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class),
            EXPIRED, EnumSet.noneOf(PaymentStatus.class),
            CANCELLED, EnumSet.noneOf(PaymentStatus.class));

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
    void finalStatesAreExactlyTheOnesWithoutSuccessors() {
        assertEquals(EnumSet.of(DISPUTED, REFUNDED, EXPIRED, CANCELLED),
                EnumSet.copyOf(java.util.Arrays.stream(values()).filter(PaymentStatus::isFinal).toList()));
        assertTrue(FAILED.isOpen(), "a declined card is retryable while the session is open");
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
