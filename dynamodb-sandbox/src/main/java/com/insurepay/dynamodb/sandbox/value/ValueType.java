package com.insurepay.dynamodb.sandbox.value;

/** DynamoDB's ten data types, by their wire names. */
public enum ValueType {
    S,
    N,
    B,
    BOOL,
    NULL,
    M,
    L,
    SS,
    NS,
    BS;

    /** Key attributes and index keys may only be of these types. */
    public boolean isScalarKeyType() {
        return this == S || this == N || this == B;
    }

    /** The name used in DynamoDB's "operand type" messages (e.g. STRING, NUMBER). */
    public String longName() {
        return switch (this) {
            case S -> "STRING";
            case N -> "NUMBER";
            case B -> "BINARY";
            case BOOL -> "BOOLEAN";
            case NULL -> "NULL";
            case M -> "MAP";
            case L -> "LIST";
            case SS -> "STRING_SET";
            case NS -> "NUMBER_SET";
            case BS -> "BINARY_SET";
        };
    }

    public static ValueType parse(String name) {
        for (ValueType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
