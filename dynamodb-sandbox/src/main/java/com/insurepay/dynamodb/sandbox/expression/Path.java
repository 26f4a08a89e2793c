package com.insurepay.dynamodb.sandbox.expression;

import java.util.List;
import java.util.stream.Collectors;

/** A document path: a top-level attribute name, then map keys and list indexes ({@code a.b[2].c}). */
public record Path(List<Element> elements) {

    public sealed interface Element {
    }

    public record Name(String name) implements Element {
        @Override
        public String toString() {
            return name;
        }
    }

    public record Index(int index) implements Element {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    public Path {
        elements = List.copyOf(elements);
    }

    public String topName() {
        return ((Name) elements.get(0)).name();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** As DynamoDB prints paths in its messages: {@code [a, b, [0]]}. */
    @Override
    public String toString() {
        return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
