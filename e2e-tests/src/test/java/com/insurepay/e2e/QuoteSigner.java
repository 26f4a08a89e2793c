package com.insurepay.e2e;

import com.insurepay.testsupport.LocalQuoteEngine;

/**
 * The insurer's quote engine, as the suite plays it: test-support's {@link LocalQuoteEngine} on the suite's stack
 * (in-process, so a storm of 200 purchases does not start 200 JVMs of {@code ./stack quote}).
 */
final class QuoteSigner {

    static final String KID = LocalQuoteEngine.KID;
    private static LocalQuoteEngine engine;

    private QuoteSigner() {
    }

    static String sign(String quoteId, long amount, String currency, String product) {
        return engine().sign(quoteId, amount, currency, product);
    }

    private static synchronized LocalQuoteEngine engine() {
        if (engine == null) {
            engine = new LocalQuoteEngine(Stack.HOME);
        }
        return engine;
    }
}
