package com.insurepay.dynamodb.sandbox.expression;

import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueOrder;
import com.insurepay.dynamodb.sandbox.value.ValueType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Evaluates conditions against an item (an empty map when the item does not exist). As in DynamoDB, a missing
 * attribute or values of different types make a comparison false (and {@code <>} true), never an error.
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    public static boolean test(Condition condition, Map<String, Value> item) {
        if (condition instanceof Condition.And and) {
            return test(and.left(), item) && test(and.right(), item);
        }
        if (condition instanceof Condition.Or or) {
            return test(or.left(), item) || test(or.right(), item);
        }
        if (condition instanceof Condition.Not not) {
            return !test(not.condition(), item);
        }
        if (condition instanceof Condition.Compare c) {
            return compare(evaluate(c.left(), item), c.comparator(), evaluate(c.right(), item));
        }
        if (condition instanceof Condition.Between b) {
            Value v = evaluate(b.value(), item);
            return compare(v, Condition.Comparator.GE, evaluate(b.lower(), item))
                    && compare(v, Condition.Comparator.LE, evaluate(b.upper(), item));
        }
        if (condition instanceof Condition.In in) {
            Value v = evaluate(in.value(), item);
            return v != null && in.candidates().stream().anyMatch(o -> v.equals(evaluate(o, item)));
        }
        return function((Condition.Function) condition, item);
    }

    static boolean compare(Value left, Condition.Comparator comparator, Value right) {
        if (comparator == Condition.Comparator.EQ) {
            return left != null && left.equals(right);
        }
        if (comparator == Condition.Comparator.NE) {
            return !(left != null && left.equals(right));
        }
        if (left == null || right == null) {
            return false;
        }
        Integer c = ValueOrder.compare(left, right);
        if (c == null) {
            return false;
        }
        return switch (comparator) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> false;
        };
    }

    private static boolean function(Condition.Function f, Map<String, Value> item) {
        Value first = evaluate(f.arguments().get(0), item);
        switch (f.name()) {
            case "attribute_exists" :
                return first != null;
            case "attribute_not_exists" :
                return first == null;
            case "attribute_type" : {
                Value type = evaluate(f.arguments().get(1), item);
                return first != null && type instanceof Value.S s && first.type() == ValueType.parse(s.value());
            }
            case "begins_with" : {
                Value prefix = evaluate(f.arguments().get(1), item);
                if (first instanceof Value.S s && prefix instanceof Value.S p) {
                    return s.value().startsWith(p.value());
                }
                if (first instanceof Value.B b && prefix instanceof Value.B p) {
                    byte[] v = b.value();
                    byte[] pre = p.value();
                    return v.length >= pre.length && java.util.Arrays.equals(v, 0, pre.length, pre, 0, pre.length);
                }
                return false;
            }
            case "contains" : {
                Value operand = evaluate(f.arguments().get(1), item);
                if (first == null || operand == null) {
                    return false;
                }
                if (first instanceof Value.S s && operand instanceof Value.S o) {
                    return s.value().contains(o.value());
                }
                if (first instanceof Value.B b && operand instanceof Value.B o) {
                    return indexOf(b.value(), o.value()) >= 0;
                }
                if (first instanceof Value.SS ss && operand instanceof Value.S o) {
                    return ss.value().contains(o.value());
                }
                if (first instanceof Value.NS ns && operand instanceof Value.N o) {
                    return ns.value().contains(o.value());
                }
                if (first instanceof Value.BS bs && operand instanceof Value.B o) {
                    return bs.value().contains(ByteBuffer.wrap(o.value()));
                }
                if (first instanceof Value.L l) {
                    return l.value().contains(operand);
                }
                return false;
            }
            default :
                throw new IllegalStateException(f.name());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The value of an operand in a condition; null for a missing path or an undefined size. */
    static Value evaluate(Operand operand, Map<String, Value> item) {
        if (operand instanceof Operand.PathOperand p) {
            return Documents.resolve(item, p.path());
        }
        if (operand instanceof Operand.Literal l) {
            return l.value();
        }
        if (operand instanceof Operand.Size s) {
            Value v = evaluate(s.argument(), item);
            Integer size = size(v);
            return size == null ? null : new Value.N(BigDecimal.valueOf(size));
        }
        throw new IllegalStateException("not a condition operand: " + operand);
    }

    private static Integer size(Value v) {
        if (v instanceof Value.S s) {
            return s.value().codePointCount(0, s.value().length());
        }
        if (v instanceof Value.B b) {
            return b.value().length;
        }
        if (v instanceof Value.SS s) {
            return s.value().size();
        }
        if (v instanceof Value.NS s) {
            return s.value().size();
        }
        if (v instanceof Value.BS s) {
            return s.value().size();
        }
        if (v instanceof Value.L l) {
            return l.value().size();
        }
        if (v instanceof Value.M m) {
            return m.value().size();
        }
        return null;
    }
}
