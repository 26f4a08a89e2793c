package com.insurepay.dynamodb.sandbox.expression;

import com.insurepay.dynamodb.sandbox.value.Value;

/** Something that evaluates to a value (or to nothing, for a path that does not exist). */
public sealed interface Operand {

    record PathOperand(Path path) implements Operand {
    }

    /** An {@code :value} of ExpressionAttributeValues. */
    record Literal(String name, Value value) implements Operand {
    }

    /** {@code size(path)}: conditions only. */
    record Size(Operand argument) implements Operand {
    }

    /** {@code if_not_exists(path, operand)}: updates only. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
    }

    /** {@code list_append(a, b)}: updates only. */
    record ListAppend(Operand first, Operand second) implements Operand {
    }

    /** {@code a + b} or {@code a - b}: updates only, on numbers. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
    }
}
