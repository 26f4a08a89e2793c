package com.insurepay.checkout.rest;

import static com.insurepay.checkout.support.Api.*;
import static org.hamcrest.Matchers.*;

import com.insurepay.checkout.support.GreenMailResource;
import com.insurepay.checkout.support.QuoteKeysResource;
import com.insurepay.checkout.support.QuoteTokens;
import com.insurepay.checkout.support.StripeSandboxResource;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The quote engine's keys from a JWKS URL, as an insurer publishes them: both keys of a rotation verify, others do not. */
@QuarkusTest
@WithTestResource(DynamoDbSandboxTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(StripeSandboxResource.class)
@WithTestResource(value = QuoteKeysResource.class, initArgs = @ResourceArg(name = "serve", value = "http"))
class SignedQuoteJwksUrlTest {

    @Test
    void tokensOfEitherPublishedKeyVerifyAndAnUnpublishedKeyIsRefused() {
        QuoteTokens tokens = new QuoteTokens(ConfigProvider.getConfig().getValue(QuoteKeysResource.KEYS_DIR, String.class));
        for (String key : new String[] {"old", "new"}) {
            String quote = unique("qurl");
            api().body(Map.of("user_id", "u-url", "quote_id", quote, "quote_token",
                    tokens.sign(key, quote, 15000, "Travel Insurance - Gold"))).post("/api/payments")
                    .then().statusCode(201).body("amount", equalTo(15000));
        }
        String quote = unique("qurl");
        api().body(Map.of("user_id", "u-url", "quote_id", quote, "quote_token",
                tokens.sign("rogue", quote, 15000, "Travel Insurance - Gold"))).post("/api/payments")
                .then().statusCode(400).body("code", equalTo("quote_token_invalid"));
    }
}
