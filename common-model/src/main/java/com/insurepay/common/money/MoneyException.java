package com.insurepay.common.money;

/** A money rule was broken. {@link #field()} names the input at fault, the message says which rule. */
public class MoneyException extends IllegalArgumentException {

    private final String field;

    public MoneyException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
