package com.insurepay.checkout.quote;

import com.insurepay.checkout.config.CheckoutSettings;
import com.insurepay.checkout.service.CheckoutProblem;
import com.insurepay.checkout.service.RequestRules;
import com.insurepay.common.money.Money;
import com.insurepay.common.money.MoneyException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * The price comes from the insurer, not from the model. With {@code checkout.quotes.verification=required} the
 * amount, currency and product of a purchase or a saved quote are the signed quote's; what the caller says about
 * them is only a check, and a disagreement is refused with what the quote says. With {@code off} (dev and tests)
 * the caller's values are used as given.
 */
@ApplicationScoped
public class QuotePricing {

    public static final String FIELD = "quote_token";

    private final QuoteSettings settings;
    private final QuoteTokenVerifier verifier;
    private final CheckoutSettings checkout;

    public QuotePricing(QuoteSettings settings, QuoteTokenVerifier verifier, CheckoutSettings checkout) {
        this.settings = settings;
        this.verifier = verifier;
        this.checkout = checkout;
    }

    /** What the caller asked for; {@code amount}, {@code currency}, {@code productName} may be null (no check). */
    public record PriceRequest(String tenant, String quoteId, String userId, String quoteToken, Long amount, String currency,
            String productName, String customerEmail) {
    }

    /** What will be sold: the money and product, and the customer's address (the caller's, else the quote's). */
    public record Priced(Money money, String productName, String customerEmail) {
    }

    public Priced price(PriceRequest request) {
        if (settings.verification() == QuoteSettings.Verification.OFF) {
            return new Priced(RequestRules.money(request.amount(), request.currency(), checkout.maxAmount()),
                    RequestRules.text("product_name", request.productName(), RequestRules.MAX_PRODUCT_NAME),
                    request.customerEmail());
        }
        if (request.quoteToken() == null || request.quoteToken().isBlank()) {
            throw problem("quote_token_required", "quote_token is required: pass the insurer's signed quote for quote "
                    + request.quoteId() + " (the price comes from it); ask for the quote again if you do not have it.");
        }
        SignedQuote quote;
        try {
            quote = verifier.verify(request.quoteToken());
        } catch (QuoteTokenVerifier.InvalidQuoteToken e) {
            throw problem("quote_token_invalid", e.getMessage() + " Ask the insurer for a new quote; nothing was charged.");
        }
        Money money;
        try {
            money = Money.of(quote.money().amount(), quote.money().currency(), checkout.maxAmount());
        } catch (MoneyException e) {
            throw problem("quote_token_invalid", "The signed quote's price cannot be charged: " + e.getMessage()
                    + ". Ask the insurer for a new quote.");
        }
        String product = RequestRules.text("product_name", quote.productName(), RequestRules.MAX_PRODUCT_NAME);
        checkMatches(request, quote, money, product);
        String email = request.customerEmail() != null ? request.customerEmail()
                : RequestRules.optionalEmail("customer_email", quote.customerEmail());
        return new Priced(money, product, email);
    }

    private static void checkMatches(PriceRequest request, SignedQuote quote, Money money, String product) {
        if (!quote.quoteId().equals(request.quoteId())) {
            throw mismatch("This quote token is for quote " + quote.quoteId() + ", not " + request.quoteId()
                    + "; pass the quote token of quote " + request.quoteId() + " or ask for a new quote.");
        }
        if (quote.tenant() != null && !quote.tenant().equals(request.tenant())) {
            throw mismatch("This quote token was issued for another insurer; ask for a new quote.");
        }
        if (quote.userId() != null && !quote.userId().equals(request.userId())) {
            throw mismatch("This quote token was issued for another customer, not " + request.userId()
                    + "; ask for a new quote for this customer.");
        }
        boolean amountDiffers = request.amount() != null && request.amount() != money.amount();
        boolean currencyDiffers = request.currency() != null && !request.currency().isBlank()
                && !request.currency().trim().toUpperCase(Locale.ROOT).equals(money.currency());
        if (amountDiffers || currencyDiffers) {
            throw mismatch("The quote says " + money.format() + ", not " + asked(request, money)
                    + "; the price comes from the signed quote: use " + money.format()
                    + " or ask for a new quote if the price changed.");
        }
        if (request.productName() != null && !request.productName().isBlank() && !request.productName().strip().equals(product)) {
            throw mismatch("The quote is for \"" + product + "\", not \"" + request.productName().strip()
                    + "\"; ask for a new quote if the customer wants another product.");
        }
    }

    private static String asked(PriceRequest request, Money quoted) {
        String currency = request.currency() == null || request.currency().isBlank() ? quoted.currency()
                : request.currency().trim().toUpperCase(Locale.ROOT);
        long amount = request.amount() == null ? quoted.amount() : request.amount();
        try {
            return new Money(amount, currency).format();
        } catch (RuntimeException unknownCurrency) {
            return amount + " " + currency;
        }
    }

    private static CheckoutProblem mismatch(String detail) {
        return problem("quote_mismatch", detail);
    }

    private static CheckoutProblem problem(String code, String detail) {
        return new CheckoutProblem(400, code, detail, FIELD, null, null);
    }
}
