package com.insurepay.common.ids;

import java.time.Instant;
import java.time.ZoneOffset;

/** Our identifiers. Stripe's ids (cs_, pi_, ...) are never used as ours. */
public final class Ids {

    public static final String PAYMENT_PREFIX = "pay_";
    public static final String POLICY_PREFIX = "pol_";

    private Ids() {
    }

    /** "pay_01JD3M..." : sortable by creation time, unguessable. */
    public static String newPaymentId(Instant now) {
        return PAYMENT_PREFIX + Ulid.next(now);
    }

    public static String newPolicyId(Instant now) {
        return POLICY_PREFIX + Ulid.next(now);
    }

    public static boolean isPaymentId(String s) {
        return s != null && s.startsWith(PAYMENT_PREFIX) && Ulid.isValid(s.substring(PAYMENT_PREFIX.length()));
    }

    public static boolean isPolicyId(String s) {
        return s != null && s.startsWith(POLICY_PREFIX) && Ulid.isValid(s.substring(POLICY_PREFIX.length()));
    }

    /** "POL-2026-000123": the year of issue and a per-year sequence from the table's atomic counter. */
    public static String policyNumber(Instant issuedAt, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("policy sequence out of range: " + sequence);
        }
        return String.format("POL-%d-%06d", issuedAt.atZone(ZoneOffset.UTC).getYear(), sequence);
    }
}
