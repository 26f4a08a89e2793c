package com.insurepay.dynamodb.sandbox.expression;

import com.insurepay.dynamodb.sandbox.expression.UpdateExpression.Action;
import com.insurepay.dynamodb.sandbox.expression.UpdateExpression.Kind;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.value.Numbers;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an update expression to an item. As in DynamoDB, every operand is evaluated against the item as it was
 * before the update; then SET, REMOVE, ADD and DELETE are applied.
 */
public final class UpdateApplier {

    static final String MISSING = "The provided expression refers to an attribute that does not exist in the item";
    static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

    private UpdateApplier() {
    }

    /** @return the new item (a fresh mutable map); {@code before} is not changed */
    public static Map<String, Value> apply(UpdateExpression update, Map<String, Value> before) {
        Map<String, Value> original = before == null ? Map.of() : before;
        List<Value> setValues = new ArrayList<>();
        for (Action a : update.actions()) {
            setValues.add(a.kind() == Kind.SET ? evaluate(a.value(), original) : null);
        }
        Map<String, Value> item = new LinkedHashMap<>(original);
        List<Action> actions = update.actions();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).kind() == Kind.SET) {
                Documents.set(item, actions.get(i).path(), setValues.get(i));
            }
        }
        // Removals from one list refer to the original positions: the highest index first.
        actions.stream().filter(a -> a.kind() == Kind.REMOVE)
                .sorted(Comparator.comparingInt(UpdateApplier::lastIndex).reversed())
                .forEach(a -> Documents.remove(item, a.path()));
        for (Action a : actions) {
            if (a.kind() == Kind.ADD) {
                add(item, a.path(), ((Operand.Literal) a.value()).value());
            } else if (a.kind() == Kind.DELETE) {
                delete(item, a.path(), ((Operand.Literal) a.value()).value());
            }
        }
        return item;
    }

    private static int lastIndex(Action a) {
        Path.Element last = a.path().elements().get(a.path().elements().size() - 1);
        return last instanceof Path.Index i ? i.index() : -1;
    }

    private static Value evaluate(Operand operand, Map<String, Value> item) {
        if (operand instanceof Operand.Literal l) {
            return l.value();
        }
        if (operand instanceof Operand.PathOperand p) {
            Value v = Documents.resolve(item, p.path());
            if (v == null) {
                throw DynamoDbException.validation(MISSING);
            }
            return v;
        }
        if (operand instanceof Operand.IfNotExists f) {
            Value v = Documents.resolve(item, f.path());
            return v != null ? v : evaluate(f.fallback(), item);
        }
        if (operand instanceof Operand.ListAppend f) {
            Value a = evaluate(f.first(), item);
            Value b = evaluate(f.second(), item);
            if (!(a instanceof Value.L la) || !(b instanceof Value.L lb)) {
                throw DynamoDbException.validation(WRONG_TYPE);
            }
            List<Value> joined = new ArrayList<>(la.value());
            joined.addAll(lb.value());
            return new Value.L(joined);
        }
        if (operand instanceof Operand.Arithmetic f) {
            Value a = evaluate(f.left(), item);
            Value b = evaluate(f.right(), item);
            if (!(a instanceof Value.N na) || !(b instanceof Value.N nb)) {
                throw DynamoDbException.validation(WRONG_TYPE);
            }
            BigDecimal result = f.plus() ? Numbers.add(na.value(), nb.value()) : Numbers.subtract(na.value(), nb.value());
            return new Value.N(result);
        }
        throw new IllegalStateException("not an update operand: " + operand);
    }

    private static void add(Map<String, Value> item, Path path, Value value) {
        Value current = Documents.resolve(item, path);
        if (current == null) {
            Documents.set(item, path, value);
            return;
        }
        if (current instanceof Value.N a && value instanceof Value.N b) {
            Documents.set(item, path, new Value.N(Numbers.add(a.value(), b.value())));
        } else if (current instanceof Value.SS a && value instanceof Value.SS b) {
            Set<String> union = new LinkedHashSet<>(a.value());
            union.addAll(b.value());
            Documents.set(item, path, new Value.SS(union));
        } else if (current instanceof Value.NS a && value instanceof Value.NS b) {
            Set<BigDecimal> union = new LinkedHashSet<>(a.value());
            union.addAll(b.value());
            Documents.set(item, path, new Value.NS(union));
        } else if (current instanceof Value.BS a && value instanceof Value.BS b) {
            Set<ByteBuffer> union = new LinkedHashSet<>(a.value());
            union.addAll(b.value());
            Documents.set(item, path, new Value.BS(union));
        } else {
            throw DynamoDbException.validation(WRONG_TYPE);
        }
    }

    private static void delete(Map<String, Value> item, Path path, Value value) {
        Value current = Documents.resolve(item, path);
        if (current == null) {
            return;
        }
        Value result;
        if (current instanceof Value.SS a && value instanceof Value.SS b) {
            Set<String> rest = new LinkedHashSet<>(a.value());
            rest.removeAll(b.value());
            result = rest.isEmpty() ? null : new Value.SS(rest);
        } else if (current instanceof Value.NS a && value instanceof Value.NS b) {
            Set<BigDecimal> rest = new LinkedHashSet<>(a.value());
            rest.removeAll(b.value());
            result = rest.isEmpty() ? null : new Value.NS(rest);
        } else if (current instanceof Value.BS a && value instanceof Value.BS b) {
            Set<ByteBuffer> rest = new LinkedHashSet<>(a.value());
            rest.removeAll(b.value());
            result = rest.isEmpty() ? null : new Value.BS(rest);
        } else {
            throw DynamoDbException.validation(WRONG_TYPE);
        }
        if (result == null) {
            Documents.remove(item, path);
        } else {
            Documents.set(item, path, result);
        }
    }
}
