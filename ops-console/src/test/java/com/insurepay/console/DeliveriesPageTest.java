package com.insurepay.console;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.Payment;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The delivery log of a day, per tenant, and its mismatches on a page of their own. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class DeliveriesPageTest {

    private static final Pattern EVENT = Pattern.compile("<th scope=\"row\" class=\"id\">(evt_[A-Za-z0-9]+)</th>");
    private static final Pattern NEXT = Pattern.compile("id=\"next-page\" rel=\"next\" href=\"([^\"]+)\"");

    @Inject
    TestData data;

    @Test
    void aDaysDeliveriesOfTheTenantNewestFirstWithMismatchesApart() {
        Instant day = Instant.parse("2026-02-10T08:00:00Z");
        Payment ours = data.checkout("acme");
        Payment theirs = data.checkout("default");
        String applied = data.delivery(TestData.unique("evt_"), "checkout.session.completed", ours.stripeSessionId(), ours.paymentId(),
                "applied", day).eventId();
        String mismatch = data.delivery(TestData.unique("evt_"), "checkout.session.completed", "cs_test_other", ours.paymentId(),
                "mismatch", day.plusSeconds(60)).eventId();
        String other = data.delivery(TestData.unique("evt_"), "charge.refunded", "ch_1", theirs.paymentId(), "applied", day.plusSeconds(30))
                .eventId();
        data.delivery(TestData.unique("evt_"), "customer.created", "cus_1", null, "ignored", day.plusSeconds(90));

        String all = Login.operator().queryParam("date", "2026-02-10").get("/t/acme/deliveries").then().statusCode(200)
                .body(containsString("Deliveries received on 2026-02-10 (UTC)"))
                .body(containsString("href=\"/t/acme/payments/" + ours.paymentId() + "\""))
                .body(containsString("id=\"unattributed\"")).extract().asString();
        assertEquals(List.of(mismatch, applied), events(all));
        assertFalse(all.contains(other), "another tenant's delivery");

        String mismatches = Login.operator().queryParam("date", "2026-02-10").get("/t/acme/mismatches").then().statusCode(200)
                .body(containsString("<h1>Mismatches of acme</h1>")).extract().asString();
        assertEquals(List.of(mismatch), events(mismatches));
        assertTrue(mismatches.contains("href=\"/t/acme/mismatches?date=2026-02-09&amp;outcome=mismatch\""), "the day before");
        assertTrue(mismatches.contains("href=\"/t/acme/mismatches?date=2026-02-11&amp;outcome=mismatch\""), "the day after");
        assertEquals(List.of(applied), events(Login.operator().queryParam("date", "2026-02-10").queryParam("outcome", "applied")
                .get("/t/acme/deliveries").then().statusCode(200).extract().asString()));
        String ofDefault = Login.operator().queryParam("date", "2026-02-10").get("/t/default/deliveries").then().statusCode(200)
                .extract().asString();
        assertEquals(List.of(other), events(ofDefault), ofDefault);
    }

    @Test
    void manyDeliveriesComePageByPage() {
        Instant day = Instant.parse("2026-02-11T08:00:00Z");
        Payment ours = data.checkout("acme");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            newestFirst.add(0, data.delivery(TestData.unique("evt_"), "payment_intent.succeeded", "pi_" + i, ours.paymentId(),
                    i % 10 == 0 ? "stale" : "applied", day.plusSeconds(i)).eventId());
        }
        String first = Login.operator().queryParam("date", "2026-02-11").get("/t/acme/deliveries").then().statusCode(200).extract()
                .asString();
        Matcher next = NEXT.matcher(first);
        assertTrue(next.find());
        String second = Login.operator().get(next.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
        List<String> seen = new ArrayList<>(events(first));
        seen.addAll(events(second));
        assertEquals(newestFirst, seen);
    }

    @Test
    void todayIsTheDefaultAndBadInputIsA400() {
        Login.operator().get("/t/acme/mismatches").then().statusCode(200)
                .body(containsString("received on " + java.time.LocalDate.now(java.time.ZoneOffset.UTC)))
                .body(org.hamcrest.Matchers.not(containsString("id=\"following-day\"")));
        Login.operator().queryParam("outcome", "exploded").get("/t/acme/deliveries").then().statusCode(400)
                .body(containsString("outcome must be one of"));
        Login.operator().queryParam("date", "yesterday").get("/t/acme/mismatches").then().statusCode(400)
                .body(containsString("role=\"alert\""));
    }

    static List<String> events(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = EVENT.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
