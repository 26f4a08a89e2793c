package com.insurepay.common.money;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "15000, SGD, SGD 150.00",
            "5000, JPY, 'JPY 5,000'",
            "150000000, KRW, 'KRW 150,000,000'",
            "1250, KWD, KWD 1.250",
            "50, usd, USD 0.50",
            "123456789, IDR, 'IDR 1,234,567.89'"})
    void formatsForDisplay(long amount, String currency, String expected) {
        assertEquals(expected, new Money(amount, currency).format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"})
    void zeroDecimalCurrenciesHaveNoMinorUnits(String code) {
        assertEquals(0, CurrencyRules.decimals(code));
    }

    @Test
    void acceptsTheMinimumAndNormalisesTheCode() {
        Money m = Money.of(50, "sgd");
        assertEquals("SGD", m.currency());
        assertEquals("sgd", m.stripeCurrency());
        assertEquals(50, Money.of(50, "JPY").amount());
    }

    @Test
    void belowStripesMinimumIsRefusedNamingTheRule() {
        MoneyException e = assertThrows(MoneyException.class, () -> Money.of(49, "SGD"));
        assertEquals("amount", e.field());
        assertEquals("amount must be at least 50 minor units for SGD (SGD 0.50), got 49", e.getMessage());
        assertTrue(assertThrows(MoneyException.class, () -> Money.of(29, "GBP")).getMessage().contains("at least 30"));
    }

    @Test
    void nonPositiveAmountsAreRefused() {
        assertTrue(
                assertThrows(MoneyException.class, () -> Money.of(0, "USD")).getMessage().startsWith("amount must be a positive integer"));
        assertThrows(MoneyException.class, () -> Money.of(-100, "USD"));
    }

    @Test
    void aboveTheConfiguredMaximumIsRefused() {
        MoneyException e = assertThrows(MoneyException.class, () -> Money.of(100_001, "SGD", 100_000));
        assertEquals("amount must be at most 100000 minor units for SGD (SGD 1,000.00), got 100001", e.getMessage());
        assertEquals(100_000, Money.of(100_000, "SGD", 100_000).amount());
    }

    @Test
    void threeDecimalCurrenciesMustEndInZero() {
        assertTrue(assertThrows(MoneyException.class, () -> Money.of(1255, "KWD")).getMessage().contains("must end in 0"));
        assertEquals(1250, Money.of(1250, "KWD").amount());
    }

    @Test
    void unknownOrMalformedCurrenciesAreRefused() {
        MoneyException bad = assertThrows(MoneyException.class, () -> Money.of(100, "SG"));
        assertEquals("currency", bad.field());
        MoneyException unsupported = assertThrows(MoneyException.class, () -> Money.of(100, "XYZ"));
        assertEquals("currency", unsupported.field());
        assertTrue(unsupported.getMessage().contains("not supported"));
        assertThrows(MoneyException.class, () -> Money.of(100, null));
    }
}
