package com.insurepay.sandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.sandbox.support.Currencies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form parsing rules, without a running application. */
class StripeParamsTest {

    @Test
    void foldsBracketKeysAsStripeJavaSendsThem() {
        StripeParams p = StripeParams.parse(
                "line_items[1][quantity]=2&line_items[0][price_data][currency]=sgd&line_items[0][quantity]=1"
                        + "&metadata[quote_id]=q%201&expand[0]=line_items&expand[]=payment_intent");
        List<StripeParams> items = p.list("line_items");
        assertEquals(2, items.size());
        assertEquals("sgd", items.get(0).hash("price_data").orElseThrow().requiredString("currency"));
        assertEquals(2L, items.get(1).requiredInteger("quantity"));
        assertEquals(Map.of("quote_id", "q 1"), p.metadata("metadata"));
        assertEquals(List.of("line_items", "payment_intent"), p.stringList("expand"));
    }

    @Test
    void namesTheFullPathOfUnknownAndMissingParameters() {
        ParamSchema schema = ParamSchema.of("line_items[#][quantity]", "metadata[*]", "restrictions[completed_sessions][limit]");
        StripeApiException unknown = assertThrows(StripeApiException.class,
                () -> StripeParams.parse("line_items[0][colour]=red").allowOnly(schema));
        assertEquals("line_items[0][colour]", unknown.param());
        assertEquals("parameter_unknown", unknown.code());
        StripeParams.parse("restrictions=").allowOnly(schema); // EmptyParam unsets a hash
        StripeApiException missing = assertThrows(StripeApiException.class,
                () -> StripeParams.parse("line_items[0][x]=1").list("line_items").get(0).requiredInteger("quantity"));
        assertEquals("line_items[0][quantity]", missing.param());
        StripeApiException notInteger = assertThrows(StripeApiException.class, () -> StripeParams.parse("amount=1.5").integer("amount"));
        assertEquals("parameter_invalid_integer", notInteger.code());
    }

    @Test
    void formatsAmountsWithTheCurrencysDecimals() {
        assertEquals("SGD 120.00", Currencies.format(12_000, "sgd"));
        assertEquals("JPY 5,000", Currencies.format(5_000, "jpy"));
        assertEquals("KWD 1.230", Currencies.format(1_230, "kwd"));
        assertTrue(assertThrows(StripeApiException.class, () -> Currencies.checkUnitAmount(1_235, "kwd", "unit_amount"))
                .getMessage().contains("multiple of 10"));
    }
}
