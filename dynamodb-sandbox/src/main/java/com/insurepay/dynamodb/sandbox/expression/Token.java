package com.insurepay.dynamodb.sandbox.expression;

/** A lexical token of an expression, with its place in the source (for DynamoDB's "near" in syntax errors). */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        IDENTIFIER,
        NAME_REF,
        VALUE_REF,
        NUMBER,
        SYMBOL,
        EOF
    }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }
}
