package com.insurepay.dynamodb.sandbox.expression;

import java.util.ArrayList;
import java.util.List;

/** A parsed UpdateExpression: its SET, REMOVE, ADD and DELETE actions. */
public record UpdateExpression(List<Action> actions) {

    public enum Kind {
        SET,
        REMOVE,
        ADD,
        DELETE
    }

    /** One action; {@code value} is null for REMOVE. */
    public record Action(Kind kind, Path path, Operand value) {
    }

    public List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        actions.forEach(a -> paths.add(a.path()));
        return paths;
    }
}
