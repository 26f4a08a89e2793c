package com.insurepay.common.table;

import java.util.List;

/** An existing table that does not match {@link PaymentTable}'s definition: we refuse to run against it. */
public class TableMismatchException extends IllegalStateException {
    public TableMismatchException(String table, List<String> problems) {
        super("DynamoDB table " + table + " does not match the expected definition: " + String.join("; ", problems));
    }
}
