package com.insurepay.checkout.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The e-mails we send customers, each as HTML and plain text from Qute templates. Sending is synchronous so the
 * caller knows whether the SMTP server accepted the message before recording anything as sent.
 */
@ApplicationScoped
public class CustomerMailer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * Where a send starts: a thread with no Vert.x context. Started from a request's worker thread, vertx-mail set up
     * its SMTP connection on that request's context, and a send could sit until the server timed the connection out
     * (30 s against GreenMail, seen in PaymentLinkApiTest and MoneyIntegrityApiTest; quarkusio/quarkus#28353).
     */
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mail-sender");
        t.setDaemon(true);
        return t;
    });

    @Inject
    ReactiveMailer mailer;

    /** How long a caller waits for the SMTP server to take a message before it counts as not sent. */
    @ConfigProperty(name = "checkout.mail.send-timeout", defaultValue = "20S")
    Duration sendTimeout;

    @Inject
    MeterRegistry metrics;

    @Location("mail/payment-link.html")
    Template paymentLinkHtml;

    @Location("mail/payment-link.txt")
    Template paymentLinkText;

    @Location("mail/policy-confirmation.html")
    Template policyHtml;

    @Location("mail/policy-confirmation.txt")
    Template policyText;

    @Location("mail/late-payment-refunded.html")
    Template lateRefundHtml;

    @Location("mail/late-payment-refunded.txt")
    Template lateRefundText;

    /** @throws MailUnavailableException when the SMTP server did not take the message */
    public void sendPaymentLink(String to, String customerName, String productName, String amount, String url, Instant expiresAt) {
        String expiry = DATE.format(expiresAt);
        send("payment_link", Mail.withHtml(to, "Your payment link for " + productName,
                paymentLinkHtml.data("name", customerName).data("product", productName).data("amount", amount)
                        .data("url", url).data("expiry", expiry).render())
                .setText(paymentLinkText.data("name", customerName).data("product", productName).data("amount", amount)
                        .data("url", url).data("expiry", expiry).render()));
    }

    public void sendPolicyConfirmation(String to, String productName, String policyNumber, String amount, String documentUrl) {
        send("policy_confirmation", Mail.withHtml(to, "Your policy " + policyNumber,
                policyHtml.data("product", productName).data("policyNumber", policyNumber).data("amount", amount)
                        .data("url", documentUrl).render())
                .setText(policyText.data("product", productName).data("policyNumber", policyNumber).data("amount", amount)
                        .data("url", documentUrl).render()));
    }

    /** Money that came after we closed the purchase was given back: nothing was charged in the end. */
    public void sendLatePaymentRefunded(String to, String productName, String amount) {
        send("late_payment_refunded", Mail.withHtml(to, "Your payment for " + productName + " was refunded",
                lateRefundHtml.data("product", productName).data("amount", amount).render())
                .setText(lateRefundText.data("product", productName).data("amount", amount).render()));
    }

    /** Counted by kind (the template): checkout_mail_sent_total{kind} and checkout_mail_failures_total{kind}. */
    private void send(String kind, Mail mail) {
        try {
            mailer.send(mail).runSubscriptionOn(SENDERS).await().atMost(sendTimeout);
        } catch (RuntimeException e) {
            metrics.counter("checkout.mail.failures", "kind", kind).increment();
            throw new MailUnavailableException(e);
        }
        metrics.counter("checkout.mail.sent", "kind", kind).increment();
    }

    public static class MailUnavailableException extends RuntimeException {
        public MailUnavailableException(Throwable cause) {
            super("SMTP server did not accept the message", cause);
        }
    }
}
