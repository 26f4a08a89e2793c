package com.insurepay.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.ids.Ids;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyLinkSigner;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import java.time.Duration;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class PolicyDocumentResourceTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    TestPayments seed;

    @Inject
    PolicyLinkSigner signer;

    private String validToken(String policyId) {
        return signer.sign(policyId, Instant.now().plus(Duration.ofDays(7)));
    }

    @Test
    void validLinkGivesARealPdfWithThePolicyDetails() throws IOException {
        Payment paid = seed.inState(PaymentStatus.COMPLETED);
        Policy policy = seed.issuePolicy(paid);

        byte[] pdf = given().queryParam("token", validToken(policy.policyId()))
                .when().get("/policies/{id}.pdf", policy.policyId())
                .then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + policy.policyNumber() + ".pdf\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals("Policy " + policy.policyNumber(), document.getDocumentInformation().getTitle());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("InsurePay Travel Insurance"), text);
            assertTrue(text.contains("Certificate of insurance"), text);
            assertTrue(text.contains(policy.policyNumber()), text);
            assertTrue(text.contains("SGD 150.00"), text);
            assertTrue(text.contains("Travel Insurance Plus"), text);
            assertTrue(text.contains(paid.paymentId()), text);
            assertTrue(text.contains(paid.userId()), text);
            assertTrue(text.contains("a***@example.com"), text);
            assertTrue(text.contains("Active"), text);
            assertTrue(text.contains("Issue date"), text);
            // A picture of the document for people to look at (README); also proves it renders.
            Files.createDirectories(SCREENSHOTS);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 72), "png", SCREENSHOTS.resolve("policy-pdf.png").toFile());
        }
    }

    /** Cover follows the money: the link of a refunded payment's policy still opens, stamped CANCELLED. */
    @Test
    void aCancelledPolicysDocumentStillOpensStampedCancelledAndASuspendedOneSaysSo() throws IOException {
        Payment paid = seed.inState(PaymentStatus.COMPLETED);
        Policy policy = seed.issuePolicy(paid);
        seed.move(paid, PaymentStatus.REFUNDED, PaymentChanges.NONE.withRefundedAmount(paid.amount()));
        try (PDDocument document = Loader.loadPDF(pdfOf(policy))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("CANCELLED"), "the stamp across the page: " + text);
            assertTrue(text.contains("Cancelled (the premium was given back; this policy gives no cover)"), text);
            assertFalse(text.contains("Active"), text);
            Files.createDirectories(SCREENSHOTS);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 72), "png",
                    SCREENSHOTS.resolve("policy-pdf-cancelled.png").toFile());
        }

        Payment disputed = seed.inState(PaymentStatus.COMPLETED);
        Policy suspended = seed.issuePolicy(disputed);
        seed.move(disputed, PaymentStatus.DISPUTED, PaymentChanges.NONE.withDispute("dp_" + disputed.paymentId(), Payment.DISPUTE_OPEN));
        try (PDDocument document = Loader.loadPDF(pdfOf(suspended))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("SUSPENDED"), text);
            assertTrue(text.contains("a dispute of the payment is open"), text);
        }
    }

    private byte[] pdfOf(Policy policy) {
        return given().queryParam("token", validToken(policy.policyId())).when().get("/policies/{id}.pdf", policy.policyId())
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
    }

    @Test
    void charactersTheStandardFontCannotShowDoNotBreakThePdf() throws IOException {
        Payment pending = seed.pendingCheckout(
                "旅行保険 Premium – Ski & Snow ✈ with a very long name that has to wrap onto the next line of the page",
                5_000, "JPY", "kenji@example.jp");
        Policy policy = seed.issuePolicy(seed.move(pending, PaymentStatus.COMPLETED));

        byte[] pdf = given().queryParam("token", validToken(policy.policyId()))
                .when().get("/policies/{id}.pdf", policy.policyId())
                .then().statusCode(200).extract().asByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("JPY 5,000"), text);
            assertTrue(text.contains("Premium – Ski & Snow"), text);
            assertTrue(text.contains("next line of the page"), text);
        }
    }

    @Test
    void wrongTokenIs403() {
        Payment paid = seed.inState(PaymentStatus.COMPLETED);
        Policy policy = seed.issuePolicy(paid);
        String otherKey = new PolicyLinkSigner("another-secret-of-someone-else").sign(policy.policyId(),
                Instant.now().plus(Duration.ofDays(1)));
        String forAnotherPolicy = validToken(Ids.newPolicyId(Instant.now()));

        for (String token : new String[] {otherKey, forAnotherPolicy, "garbage", "123.abc", ""}) {
            given().queryParam("token", token)
                    .when().get("/policies/{id}.pdf", policy.policyId())
                    .then().statusCode(403)
                    .contentType("text/html")
                    .body(allOf(containsString("This link is not valid"), not(containsString(policy.policyNumber()))));
        }
        given().when().get("/policies/{id}.pdf", policy.policyId())
                .then().statusCode(403).body(containsString("This link is not valid"));
    }

    @Test
    void expiredTokenIs403AndSaysSo() {
        Payment paid = seed.inState(PaymentStatus.COMPLETED);
        Policy policy = seed.issuePolicy(paid);
        String expired = signer.sign(policy.policyId(), Instant.now().minusSeconds(5));

        given().queryParam("token", expired)
                .when().get("/policies/{id}.pdf", policy.policyId())
                .then().statusCode(403)
                .body(allOf(containsString("This link has expired"), containsString("Ask your assistant for a new link")));
    }

    @Test
    void unknownPolicyWithAValidTokenIs404() {
        String unknown = Ids.newPolicyId(Instant.now());
        given().queryParam("token", validToken(unknown))
                .when().get("/policies/{id}.pdf", unknown)
                .then().statusCode(404)
                .body(containsString("We could not find this page"));
    }

    @Test
    void malformedPolicyIdIs404() {
        given().queryParam("token", validToken("not-a-policy"))
                .when().get("/policies/{id}.pdf", "not-a-policy")
                .then().statusCode(404)
                .body(containsString("We could not find this page"));
    }
}
