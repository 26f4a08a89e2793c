package com.insurepay.console.service;

import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What the operator typed, as typed (to fill the form again), and the query string of a search. */
@TemplateData
public record SearchForm(String paymentId, String quoteId, String userId, String stripeId, String status, String date) {

    public static final SearchForm EMPTY = new SearchForm("", "", "", "", "", "");

    public SearchForm {
        paymentId = paymentId == null ? "" : paymentId.trim();
        quoteId = quoteId == null ? "" : quoteId.trim();
        userId = userId == null ? "" : userId.trim();
        stripeId = stripeId == null ? "" : stripeId.trim();
        status = status == null ? "" : status.trim();
        date = date == null ? "" : date.trim();
    }

    /** The query string of this search (without a cursor), only the fields that were filled. */
    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("payment_id", paymentId);
        params.put("quote_id", quoteId);
        params.put("user_id", userId);
        params.put("stripe_id", stripeId);
        params.put("status", status);
        params.put("date", date);
        return params.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
