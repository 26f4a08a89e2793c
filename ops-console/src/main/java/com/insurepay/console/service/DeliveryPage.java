package com.insurepay.console.service;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * A page of a day's deliveries for one tenant. {@code unattributed} counts the records read for this page that
 * named no payment of any tenant (events that were not ours or not handled): they belong to no tenant and are not
 * listed per tenant. {@code followingDay} is null when {@code day} is today (UTC): nothing has been received after it.
 */
@TemplateData
public record DeliveryPage(String day, String outcome, List<DeliveryRow> rows, int unattributed, String nextCursor, String previousDay,
        String followingDay) {
}
