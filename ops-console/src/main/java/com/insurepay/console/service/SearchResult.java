package com.insurepay.console.service;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** A page of payments found, what was searched (in words) and the cursor of the next page (null on the last). */
@TemplateData
public record SearchResult(List<PaymentRow> rows, String description, String nextCursor) {
}
