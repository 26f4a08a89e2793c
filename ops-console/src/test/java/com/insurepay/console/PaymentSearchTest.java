package com.insurepay.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Search by each criterion, pages, and what the console refuses to show or to run. */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class PaymentSearchTest {

    private static final Pattern ROW = Pattern.compile("<th scope=\"row\"><a href=\"/t/[a-z]+/payments/(pay_[A-Za-z0-9]+)\">");
    private static final Pattern NEXT = Pattern.compile("id=\"next-page\" rel=\"next\" href=\"([^\"]+)\"");

    @Inject
    TestData data;

    @Test
    void byPaymentId() {
        Payment p = data.checkout("default");
        String page = Login.operator().queryParam("payment_id", p.paymentId()).get("/t/default/payments").then().statusCode(200)
                .extract().asString();
        assertEquals(List.of(p.paymentId()), ids(page));
        assertTrue(page.contains("SGD 150.00"), page);
    }

    @Test
    void byStripeSessionPaymentIntentOrPaymentLink() {
        Payment p = data.paid(data.checkout("default"), TestData.unique("evt_"));
        assertEquals(List.of(p.paymentId()), ids(Login.operator().queryParam("stripe_id", p.stripeSessionId()).get("/t/default/payments")
                .then().statusCode(200).extract().asString()));
        assertEquals(List.of(p.paymentId()), ids(Login.operator().queryParam("stripe_id", p.stripePaymentIntent())
                .get("/t/default/payments").then().statusCode(200).extract().asString()));
        Login.operator().queryParam("stripe_id", p.stripeSessionId()).get("/t/acme/payments").then().statusCode(200)
                .body(containsString("id=\"no-results\""));
        Login.operator().queryParam("stripe_id", "ch_123").get("/t/default/payments").then().statusCode(400)
                .body(containsString("a Stripe id starts with cs_"));
    }

    @Test
    void anUnknownPaymentIdFindsNothing() {
        Login.operator().queryParam("payment_id", "pay_01JXXXXXXXXXXXXXXXXXXXXXXX").get("/t/default/payments").then().statusCode(200)
                .body(containsString("id=\"no-results\""));
    }

    @Test
    void anotherTenantsPaymentIsNeitherFoundNorShown() {
        Payment theirs = data.checkout("acme");
        Login.operator().queryParam("payment_id", theirs.paymentId()).get("/t/default/payments").then().statusCode(200)
                .body(containsString("id=\"no-results\""));
        Login.operator().get("/t/default/payments/" + theirs.paymentId()).then().statusCode(404);
        Login.operator().queryParam("quote_id", theirs.quoteId()).get("/t/default/payments").then().statusCode(200)
                .body(containsString("id=\"no-results\""));
        Login.operator().queryParam("user_id", theirs.userId()).get("/t/default/payments").then().statusCode(200)
                .body(containsString("id=\"no-results\""));
        Login.operator().get("/t/acme/payments/" + theirs.paymentId()).then().statusCode(200);
    }

    @Test
    void byQuoteIdNewestFirst() {
        String quote = TestData.unique("quote_");
        Payment first = data.checkout("default", TestData.unique("user_"), quote, Instant.now().minusSeconds(60));
        Payment second = data.checkout("default", TestData.unique("user_"), quote, Instant.now());
        String page = Login.operator().queryParam("quote_id", quote).get("/t/default/payments").then().statusCode(200).extract().asString();
        assertEquals(List.of(second.paymentId(), first.paymentId()), ids(page));
        assertTrue(page.contains("Payments of quote " + quote), page);
    }

    @Test
    void byUserIdPageByPage() {
        String user = TestData.unique("user_");
        List<String> newestFirst = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(600);
        for (int i = 0; i < 27; i++) {
            newestFirst.add(0, data.checkout("default", user, TestData.unique("quote_"), start.plusSeconds(i)).paymentId());
        }
        String first = Login.operator().queryParam("user_id", user).get("/t/default/payments").then().statusCode(200).extract().asString();
        assertEquals(newestFirst.subList(0, 25), ids(first));
        Matcher next = NEXT.matcher(first);
        assertTrue(next.find(), "a next-page link");
        String second = Login.operator().get(next.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
        assertEquals(newestFirst.subList(25, 27), ids(second));
        assertTrue(!NEXT.matcher(second).find(), "the last page has no next link");
    }

    @Test
    void byStatusAndDayThroughTheTenantDayIndex() {
        Instant day = Instant.parse("2026-01-15T09:00:00Z");
        String user = TestData.unique("user_");
        Payment pending = data.checkout("acme", user, TestData.unique("quote_"), day);
        Payment paid = data.paid(data.checkout("acme", user, TestData.unique("quote_"), day.plusSeconds(10)), TestData.unique("evt_"));
        Payment otherDay = data.checkout("acme", user, TestData.unique("quote_"), day.plusSeconds(86_400));
        Payment otherTenant = data.checkout("default", user, TestData.unique("quote_"), day.plusSeconds(20));

        List<String> ofTheDay = ids(Login.operator().queryParam("date", "2026-01-15").get("/t/acme/payments").then().statusCode(200)
                .body(containsString("Payments created on 2026-01-15 (UTC)")).extract().asString());
        assertTrue(ofTheDay.containsAll(List.of(paid.paymentId(), pending.paymentId())), ofTheDay.toString());
        assertTrue(!ofTheDay.contains(otherDay.paymentId()) && !ofTheDay.contains(otherTenant.paymentId()), ofTheDay.toString());
        assertTrue(ofTheDay.indexOf(paid.paymentId()) < ofTheDay.indexOf(pending.paymentId()), "newest first");

        List<String> completed = ids(Login.operator().queryParam("date", "2026-01-15").queryParam("status", "completed")
                .get("/t/acme/payments").then().statusCode(200).extract().asString());
        assertTrue(completed.contains(paid.paymentId()) && !completed.contains(pending.paymentId()), completed.toString());

        List<String> userPending = ids(Login.operator().queryParam("user_id", user).queryParam("status", "pending")
                .get("/t/acme/payments").then().statusCode(200).extract().asString());
        assertEquals(List.of(otherDay.paymentId(), pending.paymentId()), userPending, "status narrows an id search too");
    }

    @Test
    void withoutCriteriaTodaysPaymentsAreShown() {
        Payment today = data.checkout("default");
        String page = Login.operator().get("/t/default/payments").then().statusCode(200)
                .body(containsString("Payments created on " + java.time.LocalDate.now(java.time.ZoneOffset.UTC))).extract().asString();
        assertTrue(ids(page).contains(today.paymentId()) || NEXT.matcher(page).find(), "today's payment is on the first page or later");
    }

    @Test
    void badInputIsA400PageThatNamesTheField() {
        Login.operator().queryParam("status", "paid").get("/t/default/payments").then().statusCode(400)
                .body(containsString("role=\"alert\"")).body(containsString("status must be one of the payment statuses"))
                .body(containsString("id=\"status\" name=\"status\" aria-invalid=\"true\""));
        Login.operator().queryParam("date", "15/01/2026").get("/t/default/payments").then().statusCode(400)
                .body(containsString("date must be a day written yyyy-mm-dd"));
        Login.operator().queryParam("date", "2999-01-01").get("/t/default/payments").then().statusCode(400);
        Login.operator().queryParam("user_id", "a b<script>").get("/t/default/payments").then().statusCode(400)
                .body(not(containsString("<script>")));
        Login.operator().queryParam("user_id", "u1").queryParam("quote_id", "q1").get("/t/default/payments").then().statusCode(400)
                .body(containsString("one id at a time"));
        Login.operator().queryParam("user_id", "u1").queryParam("cursor", "bm90LW91cnM").get("/t/default/payments").then().statusCode(400)
                .body(containsString("not valid any more"));
        Login.operator().queryParam("cursor", "!!").get("/t/default/payments").then().statusCode(400);
    }

    @Test
    void aPaymentIdThatIsNoIdIsNotFound() {
        Login.operator().get("/t/default/payments/not%20an%20id").then().statusCode(404);
    }

    static List<String> ids(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

}
