package com.insurepay.common.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void keepsTheFirstCharacterAndTheDomain() {
        assertEquals("a***@example.com", EmailMask.mask("alice@example.com"));
        assertEquals("a***@example.com", EmailMask.mask("a@example.com"));
        assertEquals("j***@mail.example.sg", EmailMask.mask("  jane.tan+travel@mail.example.sg "));
        assertEquals("é***@example.fr", EmailMask.mask("élodie@example.fr"));
    }

    @Test
    void somethingThatIsNotAnAddressIsNotShownAtAll() {
        assertNull(EmailMask.mask(null));
        assertNull(EmailMask.mask("no-at-sign"));
        assertNull(EmailMask.mask("@example.com"));
        assertNull(EmailMask.mask("alice@"));
    }
}
