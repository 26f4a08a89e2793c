package com.insurepay.common.payment;

import static org.junit.jupiter.api.Assertions.*;

import com.insurepay.common.policy.PolicyLinkSigner;
import com.insurepay.common.policy.PolicyLinkSigner.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PolicyLinkSignerTest {

    private final PolicyLinkSigner signer = new PolicyLinkSigner("a-test-secret-of-enough-length");
    private final Instant now = Instant.parse("2026-11-22T05:00:00Z");

    @Test
    void aSignedLinkIsValidUntilItExpires() {
        String token = signer.sign("pol_1", now.plusSeconds(60));
        assertEquals(Verdict.VALID, signer.verify("pol_1", token, now));
        assertEquals(Verdict.EXPIRED, signer.verify("pol_1", token, now.plusSeconds(61)));
    }

    @Test
    void anyChangeInvalidatesIt() {
        String token = signer.sign("pol_1", now.plusSeconds(60));
        assertEquals(Verdict.INVALID, signer.verify("pol_2", token, now));
        String longer = (now.getEpochSecond() + 6000) + token.substring(token.indexOf('.'));
        assertEquals(Verdict.INVALID, signer.verify("pol_1", longer, now));
        assertEquals(Verdict.INVALID, new PolicyLinkSigner("another-secret-of-enough-length").verify("pol_1", token, now));
        assertEquals(Verdict.INVALID, signer.verify("pol_1", "garbage", now));
        assertEquals(Verdict.INVALID, signer.verify("pol_1", null, now));
    }

    @Test
    void refusesShortSecrets() {
        assertThrows(IllegalArgumentException.class, () -> new PolicyLinkSigner("short"));
    }
}
