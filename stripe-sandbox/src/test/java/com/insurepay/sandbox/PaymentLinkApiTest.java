package com.insurepay.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentLink;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.checkout.Session;
import com.stripe.param.PaymentLinkCreateParams;
import com.stripe.param.PaymentLinkUpdateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.checkout.SessionListParams;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentLinkApiTest extends SandboxTestSupport {

    private PaymentLink createLink(Price price) throws Exception {
        return stripe.v1().paymentLinks().create(
                PaymentLinkCreateParams.builder()
                        .addLineItem(PaymentLinkCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build())
                        .putMetadata("quote_id", "q_7")
                        .setRestrictions(PaymentLinkCreateParams.Restrictions.builder()
                                .setCompletedSessions(PaymentLinkCreateParams.Restrictions.CompletedSessions.builder().setLimit(1L).build())
                                .build())
                        .setAfterCompletion(PaymentLinkCreateParams.AfterCompletion.builder()
                                .setType(PaymentLinkCreateParams.AfterCompletion.Type.REDIRECT)
                                .setRedirect(PaymentLinkCreateParams.AfterCompletion.Redirect.builder()
                                        .setUrl(baseUrl() + "/q/health/ready?session_id={CHECKOUT_SESSION_ID}").build())
                                .build())
                        .setInactiveMessage("This quote was already paid or has expired.")
                        .setPaymentIntentData(PaymentLinkCreateParams.PaymentIntentData.builder().putMetadata("quote_id", "q_7").build())
                        .build());
    }

    private Price createPrice() throws Exception {
        return stripe.v1().prices().create(
                PriceCreateParams.builder().setCurrency("sgd").setUnitAmount(8_800L)
                        .setProductData(PriceCreateParams.ProductData.builder().setName("Home Insurance").build())
                        .putMetadata("quote_id", "q_7").build());
    }

    @Test
    void productsAndPrices() throws Exception {
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName("Car Insurance").build());
        assertTrue(product.getId().startsWith("prod_"));
        Price price = stripe.v1().prices().create(
                PriceCreateParams.builder().setCurrency("SGD").setUnitAmount(1_500L).setProduct(product.getId()).build());
        assertEquals("sgd", price.getCurrency());
        assertEquals(product.getId(), price.getProduct());
        Price inline = createPrice();
        assertEquals("Home Insurance", stripe.v1().products().retrieve(inline.getProduct()).getName());

        InvalidRequestException noProduct = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("sgd").setUnitAmount(1L).build()));
        assertEquals("parameter_missing", noProduct.getCode());
        InvalidRequestException unknownProduct = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().prices()
                        .create(PriceCreateParams.builder().setCurrency("sgd").setUnitAmount(1L).setProduct("prod_nope").build()));
        assertEquals("resource_missing", unknownProduct.getCode());
    }

    @Test
    void linkStartsASessionAndIsUsedUpAfterItsLimit() throws Exception {
        PaymentLink link = createLink(createPrice());
        assertTrue(link.getId().startsWith("plink_"));
        assertEquals(baseUrl() + "/b/" + link.getId(), link.getUrl());
        assertEquals(1L, link.getRestrictions().getCompletedSessions().getLimit());
        assertEquals("redirect", link.getAfterCompletion().getType());

        String location = given().redirects().follow(false).get("/b/" + link.getId() + "?client_reference_id=pay_77")
                .then().statusCode(303).extract().header("Location");
        String sessionId = location.substring(location.lastIndexOf('/') + 1);
        Session session = stripe.v1().checkout().sessions().retrieve(sessionId);
        assertEquals(link.getId(), session.getPaymentLink());
        assertEquals("pay_77", session.getClientReferenceId());
        assertEquals("q_7", session.getMetadata().get("quote_id"));
        assertEquals(8_800L, session.getAmountTotal());

        assertEquals("succeeded", pay(sessionId, "4242424242424242").getString("outcome"));
        assertEquals("q_7", stripe.v1().paymentIntents().retrieve(
                stripe.v1().checkout().sessions().retrieve(sessionId).getPaymentIntent()).getMetadata().get("quote_id"));
        PaymentLink used = stripe.v1().paymentLinks().retrieve(link.getId());
        assertEquals(1L, used.getRestrictions().getCompletedSessions().getCount());
        assertFalse(used.getActive());
        given().get("/b/" + link.getId()).then().statusCode(200).body(containsString("This quote was already paid or has expired."));
        assertEquals(1, stripe.v1().checkout().sessions().list(
                SessionListParams.builder().setPaymentLink(link.getId()).build()).getData().size());
    }

    @Test
    void deactivatedLinkShowsItsInactiveMessage() throws Exception {
        PaymentLink link = createLink(createPrice());
        PaymentLink updated = stripe.v1().paymentLinks().update(link.getId(), PaymentLinkUpdateParams.builder().setActive(false).build());
        assertFalse(updated.getActive());
        given().redirects().follow(false).get("/b/" + link.getId()).then().statusCode(200)
                .body(containsString("This quote was already paid or has expired."));

        InvalidRequestException unknown = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().paymentLinks().update(link.getId(),
                        PaymentLinkUpdateParams.builder().putExtraParam("line_items[0][price]", "x").build()));
        assertEquals("parameter_unknown", unknown.getCode());
        assertThrows(InvalidRequestException.class, () -> stripe.v1().paymentLinks().retrieve("plink_nope"));
    }
}
