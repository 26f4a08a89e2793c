package com.insurepay.checkout.stripe;

import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentLink;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiRequestParams;
import com.stripe.net.ApiResource;
import com.stripe.param.PaymentLinkCreateParams;
import com.stripe.param.PaymentLinkUpdateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What stripe-java reflects on in a native image, for the calls {@link StripeGateway} makes. stripe-java reads every
 * answer with Gson, which creates the model objects and sets their fields reflectively (errors become a
 * {@link StripeError} the same way), and writes every request from the {@code @SerializedName} fields of the param
 * classes and their enums. A native image keeps only what is registered; nested classes (Session.CustomerDetails,
 * SessionCreateParams.LineItem.PriceData, ...) come with their outer class. Objects a call can expand into
 * (PaymentIntent, Product) are listed too. A new Stripe call means a new entry here; deploy-tests' native check
 * asserts the list is in the generated reflection configuration. {@code SessionService$1} is the Gson
 * {@code TypeToken<StripeCollection<Session>>} of {@code sessions().list()}: Gson reads its generic superclass.
 */
@RegisterForReflection(targets = {
        ApiResource.class, StripeObject.class, StripeCollection.class, StripeError.class,
        Session.class, Charge.class, Refund.class, PaymentLink.class, Price.class, Product.class, PaymentIntent.class,
        ApiRequestParams.class, SessionCreateParams.class, SessionListParams.class, PaymentLinkCreateParams.class,
        PaymentLinkUpdateParams.class, PriceCreateParams.class, RefundCreateParams.class},
        classNames = "com.stripe.service.checkout.SessionService$1")
final class StripeReflection {

    private StripeReflection() {
    }
}
