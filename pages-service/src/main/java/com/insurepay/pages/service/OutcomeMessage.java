package com.insurepay.pages.service;

import io.quarkus.qute.TemplateData;

/**
 * A plain-language explanation of a payment's state: what happened and what the customer can do.
 * {@code actionUrl} comes from our own records (never from the request), so it cannot be an open redirect.
 */
@TemplateData
public record OutcomeMessage(String title, String explanation, String nextStep, String actionLabel, String actionUrl) {

    public static OutcomeMessage of(String title, String explanation, String nextStep) {
        return new OutcomeMessage(title, explanation, nextStep, null, null);
    }

    public OutcomeMessage withAction(String label, String url) {
        return new OutcomeMessage(title, explanation, nextStep, label, url);
    }
}
