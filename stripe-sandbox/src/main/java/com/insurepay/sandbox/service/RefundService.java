package com.insurepay.sandbox.service;

import com.insurepay.sandbox.api.ParamCatalog;
import com.insurepay.sandbox.api.ParamSchema;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import com.insurepay.sandbox.store.Charge;
import com.insurepay.sandbox.store.Dispute;
import com.insurepay.sandbox.store.PaymentIntent;
import com.insurepay.sandbox.store.Refund;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.support.Currencies;
import com.insurepay.sandbox.support.SandboxClock;
import com.insurepay.sandbox.support.StripeIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Refunds (full or partial, never above what remains) and the dispute trigger. */
@ApplicationScoped
public class RefundService {

    static final ParamSchema CREATE_SCHEMA = ParamCatalog.schema("POST /v1/refunds");
    /**
     * Refunds of a customer's balance: the sandbox has no customers. refund_application_fee,
     * reverse_transfer and instructions_email are accepted and change nothing here (no Connect fees or
     * transfers; card refunds need no instructions).
     */
    static final Map<String, String> UNSUPPORTED = Map.of("customer", "it has no Customer objects", "origin", "it has no customer balances",
            "currency", "it has no customer balances (a refund takes the charge's currency)");

    @Inject
    SandboxStore store;
    @Inject
    SandboxClock clock;
    @Inject
    EventService events;
    @Inject
    PaymentService payments;

    public Refund create(StripeParams params) {
        params.allowOnly(CREATE_SCHEMA);
        Validation.refuseUnsupported(params, UNSUPPORTED);
        String piId = params.string("payment_intent").orElse(null);
        String chargeId = params.string("charge").orElse(null);
        if (piId == null && chargeId == null) {
            throw StripeApiException.invalid(
                    "parameter_missing", null,
                    "One of the following params should be provided for this request: payment_intent or charge.");
        }
        String reason = params.string("reason").orElse(null);
        var metadata = params.metadata("metadata");
        store.lock().lock();
        try {
            Charge charge = resolveCharge(piId, chargeId);
            if (charge.disputed()) {
                throw StripeApiException.invalid(
                        "charge_disputed", null, "Charge " + charge.id() + " has been charged back; cannot issue a refund.");
            }
            if (charge.refundable() == 0) {
                throw StripeApiException.invalid(
                        "charge_already_refunded", null, "Charge " + charge.id() + " has already been refunded.");
            }
            long amount = params.integer("amount").orElse(charge.refundable());
            Validation.atLeast(amount, 1, "amount");
            if (amount > charge.amount()) {
                throw StripeApiException.invalid(
                        "amount_too_large", "amount",
                        "Refund amount (" + Currencies.format(amount, charge.currency()) + ") is greater than charge amount ("
                                + Currencies.format(charge.amount(), charge.currency()) + ")");
            }
            if (amount > charge.refundable()) {
                throw StripeApiException.invalid(
                        "amount_too_large", "amount",
                        "Refund amount (" + Currencies.format(amount, charge.currency()) + ") is greater than unrefunded amount on charge ("
                                + Currencies.format(charge.refundable(), charge.currency()) + ")");
            }
            charge.recordRefund(amount);
            Refund refund = store.refunds.put(
                    new Refund(StripeIds.newId("re_"), clock.now(), store.nextSeq(), amount, charge.currency(), charge.id(),
                            charge.paymentIntentId(), reason, metadata));
            events.emit("refund.created", refund.toJson());
            var previous = com.insurepay.sandbox.support.Json.object();
            previous.put("amount_refunded", charge.amountRefunded() - amount);
            events.emit("charge.refunded", charge.toJson(), previous);
            return refund;
        } finally {
            store.lock().unlock();
        }
    }

    private Charge resolveCharge(String piId, String chargeId) {
        Charge charge = null;
        if (piId != null) {
            PaymentIntent pi = store.paymentIntents.find(piId)
                    .orElseThrow(() -> StripeApiException.resourceMissing("payment_intent", "payment_intent", piId));
            if (!pi.status().equals("succeeded")) {
                throw StripeApiException.invalid(
                        null, "payment_intent", "This PaymentIntent (" + piId + ") does not have a successful charge to refund.");
            }
            charge = store.charges.find(pi.latestChargeId()).orElseThrow();
        }
        if (chargeId != null) {
            Charge byId = store.charges.find(chargeId).orElseThrow(() -> StripeApiException.resourceMissing("charge", "charge", chargeId));
            if (charge != null && !charge.id().equals(byId.id())) {
                throw StripeApiException.invalid(
                        null, "charge", "The charge " + chargeId + " does not belong to the PaymentIntent " + piId + ".");
            }
            charge = byId;
        }
        if (!charge.succeeded()) {
            throw StripeApiException.invalid(null, "charge", "Charge " + charge.id() + " did not succeed and cannot be refunded.");
        }
        return charge;
    }

    public Refund get(String id) {
        return store.refunds.find(id).orElseThrow(() -> StripeApiException.resourceMissing("refund", "refund", id));
    }

    /** The dispute trigger: the cardholder's bank reverses a succeeded charge. */
    public Dispute dispute(String chargeId, Long amount, String reason) {
        store.lock().lock();
        try {
            Charge charge = payments.charge(chargeId);
            if (!charge.succeeded()) {
                throw StripeApiException.invalid(null, "charge", "Charge " + chargeId + " did not succeed; it cannot be disputed.");
            }
            if (charge.disputed()) {
                throw StripeApiException.invalid(null, "charge", "Charge " + chargeId + " is already disputed.");
            }
            long disputed = amount != null ? amount : charge.amount();
            if (disputed < 1 || disputed > charge.amount()) {
                throw StripeApiException.invalid(null, "amount", "A dispute amount must be between 1 and the charge amount.");
            }
            charge.markDisputed();
            Dispute dispute = store.disputes.put(
                    new Dispute(StripeIds.newId("dp_"), clock.now(), store.nextSeq(), disputed, charge.currency(), charge.id(),
                            charge.paymentIntentId(), reason == null ? "fraudulent" : reason));
            events.emit("charge.dispute.created", dispute.toJson());
            return dispute;
        } finally {
            store.lock().unlock();
        }
    }

    public Dispute disputeOfPaymentIntent(String piId, Long amount, String reason) {
        PaymentIntent pi = payments.paymentIntent(piId);
        if (pi.latestChargeId() == null) {
            throw StripeApiException.invalid(null, "payment_intent", "PaymentIntent " + piId + " has no charge to dispute.");
        }
        return dispute(pi.latestChargeId(), amount, reason);
    }

    public Dispute getDispute(String id) {
        return store.disputes.find(id).orElseThrow(() -> StripeApiException.resourceMissing("dispute", "dispute", id));
    }
}
