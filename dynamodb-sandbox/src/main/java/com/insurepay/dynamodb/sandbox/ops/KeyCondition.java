package com.insurepay.dynamodb.sandbox.ops;

import com.insurepay.dynamodb.sandbox.expression.Condition;
import com.insurepay.dynamodb.sandbox.expression.Condition.Comparator;
import com.insurepay.dynamodb.sandbox.expression.ConditionEvaluator;
import com.insurepay.dynamodb.sandbox.expression.Operand;
import com.insurepay.dynamodb.sandbox.expression.Path;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.table.KeySchema;
import com.insurepay.dynamodb.sandbox.table.StorageKey;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Query's KeyConditionExpression, checked against the key schema it queries: one equality on the partition key,
 * optionally one condition on the sort key ({@code = < <= > >=}, BETWEEN, begins_with). It gives the range of
 * stored keys to read.
 */
final class KeyCondition {

    final Value partition;
    private final Condition sortCondition;
    private final KeySchema schema;

    private KeyCondition(Value partition, Condition sortCondition, KeySchema schema) {
        this.partition = partition;
        this.sortCondition = sortCondition;
        this.schema = schema;
    }

    static KeyCondition of(Condition condition, KeySchema schema) {
        List<Condition> terms = new ArrayList<>();
        flatten(condition, terms);
        Value partition = null;
        Condition sort = null;
        for (Condition term : terms) {
            String attribute = attributeOf(term);
            if (attribute.equals(schema.hash().name())) {
                if (!(term instanceof Condition.Compare c) || c.comparator() != Comparator.EQ) {
                    throw DynamoDbException.validation("Query key condition not supported");
                }
                if (partition != null) {
                    throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
                }
                partition = literal(c);
                checkType(partition, schema.hash());
            } else if (schema.hasRange() && attribute.equals(schema.range().name())) {
                if (sort != null) {
                    throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
                }
                sort = term;
                sortValues(term).forEach(v -> checkType(v, schema.range()));
            } else {
                throw DynamoDbException.validation("Query condition missed key schema element: "
                        + (partition == null ? schema.hash().name() : schema.hasRange() ? schema.range().name() : schema.hash().name()));
            }
        }
        if (partition == null) {
            throw DynamoDbException.validation("Query condition missed key schema element: " + schema.hash().name());
        }
        return new KeyCondition(partition, sort, schema);
    }

    private static void flatten(Condition c, List<Condition> terms) {
        if (c instanceof Condition.And and) {
            flatten(and.left(), terms);
            flatten(and.right(), terms);
        } else if (c instanceof Condition.Or) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: OR");
        } else if (c instanceof Condition.Not) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: NOT");
        } else if (c instanceof Condition.In) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: IN");
        } else if (c instanceof Condition.Compare cmp && cmp.comparator() == Comparator.NE) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: <>");
        } else if (c instanceof Condition.Function f && !f.name().equals("begins_with")) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: " + f.name());
        } else {
            terms.add(c);
        }
    }

    private static String attributeOf(Condition term) {
        Operand subject;
        if (term instanceof Condition.Compare c) {
            subject = c.left() instanceof Operand.PathOperand ? c.left() : c.right();
        } else if (term instanceof Condition.Between b) {
            subject = b.value();
        } else {
            subject = ((Condition.Function) term).arguments().get(0);
        }
        if (!(subject instanceof Operand.PathOperand p)) {
            throw DynamoDbException.validation("Invalid KeyConditionExpression: Key condition must name a key attribute");
        }
        Path path = p.path();
        if (!path.isTopLevel()) {
            throw DynamoDbException.validation("KeyConditionExpressions cannot contain nested attributes: " + path);
        }
        return path.topName();
    }

    private static Value literal(Condition.Compare c) {
        Operand other = c.left() instanceof Operand.PathOperand ? c.right() : c.left();
        if (!(other instanceof Operand.Literal l)) {
            throw DynamoDbException.validation("Invalid KeyConditionExpression: key conditions compare a key attribute with a value");
        }
        return l.value();
    }

    private static List<Value> sortValues(Condition term) {
        List<Value> values = new ArrayList<>();
        List<Operand> operands = term instanceof Condition.Compare c ? List.of(c.left(), c.right())
                : term instanceof Condition.Between b ? List.of(b.lower(), b.upper())
                        : List.of(((Condition.Function) term).arguments().get(1));
        for (Operand o : operands) {
            if (o instanceof Operand.Literal l) {
                values.add(l.value());
            } else if (term instanceof Condition.Between || term instanceof Condition.Function) {
                throw DynamoDbException.validation("Invalid KeyConditionExpression: key conditions compare a key attribute with a value");
            }
        }
        return values;
    }

    private static void checkType(Value v, KeySchema.Element e) {
        if (v.type() != e.type()) {
            throw DynamoDbException
                    .validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    /** The first and last stored keys that can match, for the key layout starting with (partition[, sort]). */
    StorageKey from() {
        if (sortCondition instanceof Condition.Compare c) {
            Value v = literal(c);
            Comparator op = effective(c);
            if (op == Comparator.EQ || op == Comparator.GE) {
                return StorageKey.lowest(partition, v);
            }
            if (op == Comparator.GT) {
                return StorageKey.highest(partition, v);
            }
        } else if (sortCondition instanceof Condition.Between b) {
            return StorageKey.lowest(partition, ((Operand.Literal) b.lower()).value());
        } else if (sortCondition instanceof Condition.Function f) {
            return StorageKey.lowest(partition, ((Operand.Literal) f.arguments().get(1)).value());
        }
        return StorageKey.lowest(partition);
    }

    StorageKey to() {
        if (sortCondition instanceof Condition.Compare c) {
            Value v = literal(c);
            Comparator op = effective(c);
            if (op == Comparator.EQ || op == Comparator.LE) {
                return StorageKey.highest(partition, v);
            }
            if (op == Comparator.LT) {
                return StorageKey.lowest(partition, v);
            }
        } else if (sortCondition instanceof Condition.Between b) {
            return StorageKey.highest(partition, ((Operand.Literal) b.upper()).value());
        }
        return StorageKey.highest(partition);
    }

    /** {@code :v < sk} means {@code sk > :v}. */
    private static Comparator effective(Condition.Compare c) {
        if (c.left() instanceof Operand.PathOperand) {
            return c.comparator();
        }
        return switch (c.comparator()) {
            case LT -> Comparator.GT;
            case LE -> Comparator.GE;
            case GT -> Comparator.LT;
            case GE -> Comparator.LE;
            default -> c.comparator();
        };
    }

    /**
     * begins_with needs a check per item (the range above bounds the other conditions exactly): reading forward
     * from the prefix, the first non-match ends the range; reading backward, keys above the prefix's range are
     * skipped and the first key below it ends the range.
     */
    int place(Map<String, Value> item, boolean forward) {
        if (!(sortCondition instanceof Condition.Function f) || ConditionEvaluator.test(sortCondition, item)) {
            return 1;
        }
        if (forward) {
            return -1;
        }
        Value prefix = ((Operand.Literal) f.arguments().get(1)).value();
        Integer c = com.insurepay.dynamodb.sandbox.value.ValueOrder.compare(item.get(schema.range().name()), prefix);
        return c != null && c > 0 ? 0 : -1;
    }

    boolean sameRangeAs(Map<String, Value> startKey) {
        return partition.equals(startKey.get(schema.hash().name()));
    }
}
