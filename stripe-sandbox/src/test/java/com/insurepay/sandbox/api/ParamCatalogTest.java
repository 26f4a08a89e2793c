package com.insurepay.sandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stripe-params.txt is exactly what stripe-java 33.3.0 defines, and the schemas read from it accept and refuse right. */
class ParamCatalogTest {

    @Test
    void catalogIsWhatStripeJavasParamClassesDefine() throws IOException {
        String generated = StripeJavaParams.catalogText();
        if (System.getProperty("sandbox.regenerate-param-catalog") != null) {
            Files.writeString(Path.of("src/main/resources", ParamCatalog.RESOURCE), generated);
            return; // the next build copies it onto the classpath
        }
        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ParamCatalog.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(generated, shipped,
                ParamCatalog.RESOURCE + " differs from stripe-java's param classes: regenerate it (see its header)");
    }

    @Test
    void everyParameterStripeJavaCanSendIsAcceptedWithAValueOfItsType() {
        List<String> refused = new ArrayList<>();
        int count = 0;
        for (var endpoint : StripeJavaParams.endpoints().entrySet()) {
            ParamSchema schema = ParamCatalog.schema(endpoint.getKey());
            for (Map.Entry<String, String> param : endpoint.getValue().entrySet()) {
                String form = StripeJavaParams.formName(param.getKey()) + "=" + StripeJavaParams.validValue(param.getValue());
                count++;
                try {
                    StripeParams.parse(form).allowOnly(schema);
                } catch (StripeApiException e) {
                    refused.add(endpoint.getKey() + ": " + form + " → " + e.getMessage());
                }
            }
        }
        assertTrue(count > 600, "stripe-java defines hundreds of parameters for these endpoints, got " + count);
        assertEquals(List.of(), refused);
    }

    @Test
    void namesStripeDoesNotHaveAreStillUnknown() {
        ParamSchema sessions = ParamCatalog.schema("POST /v1/checkout/sessions");
        for (String unknown : List.of("colour=red", "line_items[0][colour]=red", "custom_text[submit][colour]=red",
                "billing_address_collection[auto]=x", "metadata=a&metadata[k][deeper]=x")) {
            StripeApiException e = assertThrows(StripeApiException.class, () -> StripeParams.parse(unknown).allowOnly(sessions), unknown);
            assertEquals("parameter_unknown", e.code(), unknown);
        }
    }

    @Test
    void valuesAreCheckedAgainstTheirTypeAndEnum() {
        ParamSchema sessions = ParamCatalog.schema("POST /v1/checkout/sessions");
        assertEquals("parameter_invalid_integer", refusal(sessions, "expires_at=soon").code());
        assertEquals("parameter_invalid_boolean", refusal(sessions, "allow_promotion_codes=yes").code());
        StripeApiException badEnum = refusal(sessions, "billing_address_collection=always");
        assertEquals("billing_address_collection", badEnum.param());
        assertEquals("Invalid billing_address_collection: must be one of auto, or required", badEnum.getMessage());
        assertEquals("line_items[0][price_data][unit_amount_decimal]",
                refusal(sessions, "line_items[0][price_data][unit_amount_decimal]=12x").param());
        StripeParams.parse("billing_address_collection=required&allow_promotion_codes=true&locale=fr").allowOnly(sessions);
    }

    private static StripeApiException refusal(ParamSchema schema, String form) {
        return assertThrows(StripeApiException.class, () -> StripeParams.parse(form).allowOnly(schema), form);
    }
}
