package com.insurepay.common.table;

import java.util.Objects;

/** The one table's name, from {@code payments.table} (env {@code PAYMENTS_TABLE}); injectable in every service. */
public record TableName(String value) {

    public static final String DEFAULT = PaymentTable.DEFAULT_NAME;

    public TableName {
        Objects.requireNonNull(value, "payments.table");
    }
}
