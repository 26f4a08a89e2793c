package com.insurepay.common.ids;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void paymentIdsAreUniqueAndSortByCreationTime() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        String earlier = Ids.newPaymentId(t0);
        String later = Ids.newPaymentId(t0.plusMillis(1));
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(Ids.isPaymentId(earlier));
        assertEquals(30, earlier.length());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Ids.newPaymentId(t0)));
        }
    }

    @Test
    void recognisesOnlyWellFormedIds() {
        assertFalse(Ids.isPaymentId("pay_123"));
        assertFalse(Ids.isPaymentId("pi_3MtwBwLkdIwHu7ix28a3tqPa"));
        assertFalse(Ids.isPaymentId(null));
        assertTrue(Ids.isPolicyId(Ids.newPolicyId(Instant.now())));
        assertFalse(Ids.isPolicyId(Ids.newPaymentId(Instant.now())));
    }

    @Test
    void policyNumbersHaveTheYearAndSixDigits() {
        assertEquals("POL-2026-000123", Ids.policyNumber(Instant.parse("2026-11-22T10:00:00Z"), 123));
        assertThrows(IllegalArgumentException.class, () -> Ids.policyNumber(Instant.now(), 0));
    }

    @Test
    void timestampsAreFixedWidthUtc() {
        assertEquals("2026-11-22T05:00:00.000Z", Timestamps.format(Instant.parse("2026-11-22T05:00:00Z")));
        assertEquals("2026-11-22T05:00:00.123Z", Timestamps.format(Instant.parse("2026-11-22T05:00:00.123456Z")));
        assertEquals(Instant.parse("2026-11-22T05:00:00.123Z"), Timestamps.parse("2026-11-22T05:00:00.123Z"));
    }
}
