package com.insurepay.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.sandbox.api.StripeJavaParams;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentLink;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.checkout.Session;
import com.stripe.param.PaymentLinkCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox accepts what Stripe accepts: every parameter stripe-java 33.3.0 can send to an endpoint it serves is
 * taken (never {@code parameter_unknown}), the ones that show on Stripe's objects are echoed there, the ones it cannot
 * honour are refused with a message saying so, and names or values Stripe does not have are still refused.
 */
@QuarkusTest
class StripeParameterAcceptanceTest extends SandboxTestSupport {

    @Test
    void noParameterStripeJavaCanSendIsRefusedAsUnknown() {
        // One request per endpoint with all its parameters: the sandbox checks every name before anything else.
        List<String> refused = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, Map<String, String>> endpoint : StripeJavaParams.endpoints().entrySet()) {
            String[] method = endpoint.getKey().split(" ");
            String path = method[1].replace("{id}", "obj_nope");
            List<String> pairs = new ArrayList<>();
            endpoint.getValue().forEach((pattern, type) -> pairs.add(
                    encode(StripeJavaParams.formName(pattern)) + "=" + encode(StripeJavaParams.validValue(type))));
            String form = String.join("&", pairs);
            Response response = method[0].equals("GET")
                    ? api().urlEncodingEnabled(false).get(path + "?" + form)
                    : api().contentType("application/x-www-form-urlencoded").body(form).post(path);
            sent += pairs.size();
            if ("parameter_unknown".equals(response.jsonPath().getString("error.code"))) {
                refused.add(endpoint.getKey() + " refused " + response.jsonPath().getString("error.param"));
            }
        }
        assertTrue(sent > 600, "expected every stripe-java parameter of 20 endpoints, sent " + sent);
        assertEquals(List.of(), refused);
    }

    @Test
    void namesStripeDoesNotHaveAreRefusedAsUnknown() {
        unknown(api().contentType("application/x-www-form-urlencoded").body("mode=payment&colour=red")
                .post("/v1/checkout/sessions"), "colour");
        unknown(api().contentType("application/x-www-form-urlencoded").body("custom_text[submit][colour]=red")
                .post("/v1/checkout/sessions"), "custom_text[submit][colour]");
        unknown(api().get("/v1/checkout/sessions?colour=red"), "colour");
        unknown(api().get("/v1/events?colour=red"), "colour");
        unknown(api().contentType("application/x-www-form-urlencoded").body("line_items[0][price]=price_x")
                .post("/v1/payment_links/plink_x"), "line_items[0][price]");
    }

    private static void unknown(Response response, String param) {
        response.then().statusCode(400).body("error.code", equalTo("parameter_unknown")).body("error.param", equalTo(param))
                .body("error.message", equalTo("Received unknown parameter: " + param));
    }

    @Test
    void valuesStripeWouldRefuseAreStillRefused() {
        String session = "mode=payment&line_items[0][price]=price_x&line_items[0][quantity]=1&success_url=https://e.x/";
        api().contentType("application/x-www-form-urlencoded").body(session + "&billing_address_collection=always")
                .post("/v1/checkout/sessions").then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("billing_address_collection"))
                .body("error.message", equalTo("Invalid billing_address_collection: must be one of auto, or required"));
        api().contentType("application/x-www-form-urlencoded").body(session + "&allow_promotion_codes=maybe")
                .post("/v1/checkout/sessions").then().statusCode(400).body("error.code", equalTo("parameter_invalid_boolean"));
        api().contentType("application/x-www-form-urlencoded").body(session + "&phone_number_collection[enabled]=1")
                .post("/v1/checkout/sessions").then().statusCode(400).body("error.code", equalTo("parameter_invalid_boolean"));
        api().get("/v1/checkout/sessions?status=paid").then().statusCode(400).body("error.param", equalTo("status"));
        api().get("/v1/events?created[gt]=yesterday").then().statusCode(400)
                .body("error.code", equalTo("parameter_invalid_integer"));
    }

    @Test
    void sessionKeepsWhatStripeEchoes() throws Exception {
        Session created = stripe.v1().checkout().sessions().create(
                sessionParams(12_000, "sgd")
                        .setBillingAddressCollection(SessionCreateParams.BillingAddressCollection.REQUIRED)
                        .setSubmitType(SessionCreateParams.SubmitType.PAY)
                        .setAllowPromotionCodes(true)
                        .setLocale(SessionCreateParams.Locale.FR)
                        .setPhoneNumberCollection(SessionCreateParams.PhoneNumberCollection.builder().setEnabled(true).build())
                        .setCustomText(SessionCreateParams.CustomText.builder()
                                .setSubmit(SessionCreateParams.CustomText.Submit.builder().setMessage("Cover starts today").build())
                                .build())
                        .setTaxIdCollection(SessionCreateParams.TaxIdCollection.builder().setEnabled(true).build())
                        .setShippingAddressCollection(SessionCreateParams.ShippingAddressCollection.builder()
                                .addAllowedCountry(SessionCreateParams.ShippingAddressCollection.AllowedCountry.SG).build())
                        .setPaymentMethodCollection(SessionCreateParams.PaymentMethodCollection.ALWAYS)
                        .setUiMode(SessionCreateParams.UiMode.HOSTED_PAGE)
                        .setCurrency("SGD")
                        .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putMetadata("payment_id", "pay_123")
                                .setStatementDescriptorSuffix("TRAVEL").setReceiptEmail("receipts@example.com").build())
                        .build());
        for (Session s : List.of(created, stripe.v1().checkout().sessions().retrieve(created.getId()))) {
            assertEquals("required", s.getBillingAddressCollection());
            assertEquals("pay", s.getSubmitType());
            assertEquals(true, s.getAllowPromotionCodes());
            assertEquals("fr", s.getLocale());
            assertEquals(true, s.getPhoneNumberCollection().getEnabled());
            assertEquals("Cover starts today", s.getCustomText().getSubmit().getMessage());
            assertEquals(null, s.getCustomText().getAfterSubmit());
            assertEquals(true, s.getTaxIdCollection().getEnabled());
            assertEquals(List.of("SG"), s.getShippingAddressCollection().getAllowedCountries());
            assertEquals("always", s.getPaymentMethodCollection());
            assertEquals("hosted_page", s.getUiMode());
            assertEquals("sgd", s.getCurrency());
            assertEquals(12_000L, s.getAmountTotal());
        }
        Session plain = createSession(12_000, "sgd");
        assertEquals(null, plain.getBillingAddressCollection());
        assertEquals(false, plain.getPhoneNumberCollection().getEnabled());

        assertEquals("succeeded", pay(created.getId(), "4242424242424242").getString("outcome"));
        PaymentIntent pi = stripe.v1().paymentIntents().retrieve(
                stripe.v1().checkout().sessions().retrieve(created.getId()).getPaymentIntent());
        assertEquals("TRAVEL", pi.getStatementDescriptorSuffix());
        assertEquals("receipts@example.com", pi.getReceiptEmail());
        assertEquals("pay_123", pi.getMetadata().get("payment_id"));
    }

    @Test
    void sessionParametersTheSandboxCannotHonourAreRefusedWithAReason() {
        assertRefused(sessionParams(12_000, "sgd").addPaymentMethodType(SessionCreateParams.PaymentMethodType.IDEAL),
                "payment_method_types[1]", "not supported by stripe-sandbox (only card)");
        assertRefused(sessionParams(12_000, "sgd").setAutomaticTax(
                SessionCreateParams.AutomaticTax.builder().setEnabled(true).build()),
                "automatic_tax[enabled]", "stripe-sandbox does not support automatic_tax[enabled]: it computes no tax.");
        assertRefused(sessionParams(12_000, "sgd").addDiscount(
                SessionCreateParams.Discount.builder().setCoupon("SAVE10").build()),
                "discounts[0][coupon]", "stripe-sandbox does not support discounts[0][coupon]: it has no coupons");
        assertRefused(sessionParams(12_000, "sgd").setUiMode(SessionCreateParams.UiMode.EMBEDDED_PAGE),
                "ui_mode", "only the hosted page");
        assertRefused(sessionParams(12_000, "sgd").setCustomer("cus_123"), "customer", "it has no Customer objects");
        assertRefused(sessionParams(12_000, "sgd").setCurrency("usd"), "currency", "does not match");
    }

    private void assertRefused(SessionCreateParams.Builder params, String param, String messagePart) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().checkout().sessions().create(params.build()));
        assertEquals(param, e.getParam());
        assertTrue(e.getStripeError().getMessage().contains(messagePart), e.getStripeError().getMessage());
        assertEquals(400, e.getStatusCode());
    }

    @Test
    void paymentLinkEchoesItsSettingsAndItsSessionsInheritThem() throws Exception {
        Price price = stripe.v1().prices().create(
                PriceCreateParams.builder().setCurrency("sgd").setUnitAmount(8_800L).setLookupKey("home_basic")
                        .setTaxBehavior(PriceCreateParams.TaxBehavior.INCLUSIVE)
                        .setProductData(PriceCreateParams.ProductData.builder().setName("Home Insurance").setUnitLabel("policy")
                                .build())
                        .build());
        assertEquals("home_basic", price.getLookupKey());
        assertEquals("inclusive", price.getTaxBehavior());
        assertEquals("policy", stripe.v1().products().retrieve(price.getProduct()).getUnitLabel());

        PaymentLink link = stripe.v1().paymentLinks().create(
                PaymentLinkCreateParams.builder()
                        .addLineItem(PaymentLinkCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build())
                        .setBillingAddressCollection(PaymentLinkCreateParams.BillingAddressCollection.REQUIRED)
                        .setSubmitType(PaymentLinkCreateParams.SubmitType.PAY)
                        .setCustomText(PaymentLinkCreateParams.CustomText.builder()
                                .setSubmit(PaymentLinkCreateParams.CustomText.Submit.builder().setMessage("Covered today").build())
                                .build())
                        .build());
        assertEquals("required", link.getBillingAddressCollection());
        assertEquals("pay", link.getSubmitType());
        assertEquals("Covered today", link.getCustomText().getSubmit().getMessage());

        Session session = visit(link, "pay_77");
        assertEquals(link.getId(), session.getPaymentLink());
        assertEquals("pay_77", session.getClientReferenceId());
        assertEquals("required", session.getBillingAddressCollection());
        assertEquals("Covered today", session.getCustomText().getSubmit().getMessage());
    }

    @Test
    void paymentLinkUrlCarriesClientReferenceIdAndSessionsListByLinkAndStatus() throws Exception {
        Price price = stripe.v1().prices().create(
                PriceCreateParams.builder().setCurrency("sgd").setUnitAmount(8_800L).setProduct(
                        stripe.v1().products().create(ProductCreateParams.builder().setName("Travel").build()).getId()).build());
        PaymentLink first = link(price);
        PaymentLink second = link(price);
        Session paid = visit(first, "pay_1");
        Session open = visit(first, "pay_2");
        Session other = visit(second, "pay_3");
        assertEquals("pay_1", paid.getClientReferenceId());
        assertEquals(first.getId(), paid.getPaymentLink());
        assertEquals(second.getId(), other.getPaymentLink());
        assertEquals("succeeded", pay(paid.getId(), "4242424242424242").getString("outcome"));

        assertEquals(List.of(open.getId(), paid.getId()), sessionIds(SessionListParams.builder().setPaymentLink(first.getId())));
        assertEquals(List.of(paid.getId()), sessionIds(SessionListParams.builder().setPaymentLink(first.getId())
                .setStatus(SessionListParams.Status.COMPLETE)));
        assertEquals(List.of(open.getId()), sessionIds(SessionListParams.builder().setPaymentLink(first.getId())
                .setStatus(SessionListParams.Status.OPEN)));
        assertEquals(List.of(other.getId()), sessionIds(SessionListParams.builder().setPaymentLink(second.getId())));
        // Stripe's rule for the query value: letters, digits, - and _ only; anything else is dropped, not refused
        assertEquals(null, visit(first, "pay%201").getClientReferenceId());
    }

    @Test
    void productIdAndPriceKindsTheSandboxCannotSell() throws Exception {
        Product product = stripe.v1().products().create(
                ProductCreateParams.builder().setId("travel_basic").setName("Travel").setUnitLabel("trip").build());
        assertEquals("travel_basic", product.getId());
        assertEquals("trip", stripe.v1().products().retrieve("travel_basic").getUnitLabel());
        InvalidRequestException again = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().products().create(ProductCreateParams.builder().setId("travel_basic").setName("x").build()));
        assertEquals("resource_already_exists", again.getCode());
        InvalidRequestException recurring = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("sgd").setUnitAmount(100L)
                        .setProduct(product.getId())
                        .setRecurring(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                                .build())
                        .build()));
        assertEquals("recurring[interval]", recurring.getParam());
        Price decimal = stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("sgd")
                .setUnitAmountDecimal(new java.math.BigDecimal("1500")).setProduct(product.getId()).build());
        assertEquals(1_500L, decimal.getUnitAmount());
    }

    private PaymentLink link(Price price) throws Exception {
        return stripe.v1().paymentLinks().create(PaymentLinkCreateParams.builder()
                .addLineItem(PaymentLinkCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build())
                .build());
    }

    private Session visit(PaymentLink link, String clientReferenceId) throws Exception {
        String location = given().redirects().follow(false).urlEncodingEnabled(false)
                .get("/b/" + link.getId() + "?client_reference_id=" + clientReferenceId)
                .then().statusCode(303).extract().header("Location");
        return stripe.v1().checkout().sessions().retrieve(location.substring(location.lastIndexOf('/') + 1));
    }

    private List<String> sessionIds(SessionListParams.Builder params) throws Exception {
        return stripe.v1().checkout().sessions().list(params.build()).getData().stream().map(Session::getId).toList();
    }

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer sk_test_sandbox");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
