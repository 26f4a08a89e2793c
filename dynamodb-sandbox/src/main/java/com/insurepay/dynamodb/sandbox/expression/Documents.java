package com.insurepay.dynamodb.sandbox.expression;

import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and (functionally) changing values at document paths. Values are immutable: changes copy the spine. */
public final class Documents {

    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

    private Documents() {
    }

    /** @return the value at the path, or null when there is none */
    public static Value resolve(Map<String, Value> item, Path path) {
        if (item == null) {
            return null;
        }
        Value current = item.get(path.topName());
        List<Path.Element> elements = path.elements();
        for (int i = 1; i < elements.size() && current != null; i++) {
            Path.Element e = elements.get(i);
            if (e instanceof Path.Name n) {
                current = current instanceof Value.M m ? m.value().get(n.name()) : null;
            } else {
                int index = ((Path.Index) e).index();
                current = current instanceof Value.L l && index < l.value().size() ? l.value().get(index) : null;
            }
        }
        return current;
    }

    /** Sets a value at a path in a mutable top-level item. */
    static void set(Map<String, Value> item, Path path, Value value) {
        if (path.isTopLevel()) {
            item.put(path.topName(), value);
            return;
        }
        Value top = item.get(path.topName());
        if (top == null) {
            throw DynamoDbException.validation(INVALID_PATH);
        }
        item.put(path.topName(), setIn(top, path.elements(), 1, value));
    }

    private static Value setIn(Value container, List<Path.Element> elements, int i, Value value) {
        Path.Element e = elements.get(i);
        boolean last = i == elements.size() - 1;
        if (e instanceof Path.Name n) {
            if (!(container instanceof Value.M m)) {
                throw DynamoDbException.validation(INVALID_PATH);
            }
            Map<String, Value> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.put(n.name(), value);
            } else {
                Value child = copy.get(n.name());
                if (child == null) {
                    throw DynamoDbException.validation(INVALID_PATH);
                }
                copy.put(n.name(), setIn(child, elements, i + 1, value));
            }
            return new Value.M(copy);
        }
        int index = ((Path.Index) e).index();
        if (!(container instanceof Value.L l)) {
            throw DynamoDbException.validation(INVALID_PATH);
        }
        List<Value> copy = new ArrayList<>(l.value());
        if (last) {
            if (index < copy.size()) {
                copy.set(index, value);
            } else {
                copy.add(value); // DynamoDB appends when the index is past the end
            }
        } else {
            if (index >= copy.size()) {
                throw DynamoDbException.validation(INVALID_PATH);
            }
            copy.set(index, setIn(copy.get(index), elements, i + 1, value));
        }
        return new Value.L(copy);
    }

    /** Removes the value at a path in a mutable top-level item; a missing leaf is not an error. */
    static void remove(Map<String, Value> item, Path path) {
        if (path.isTopLevel()) {
            item.remove(path.topName());
            return;
        }
        Value top = item.get(path.topName());
        if (top == null) {
            return;
        }
        Value changed = removeIn(top, path.elements(), 1);
        if (changed != null) {
            item.put(path.topName(), changed);
        }
    }

    /** @return the changed container, or null if nothing was there to remove */
    private static Value removeIn(Value container, List<Path.Element> elements, int i) {
        Path.Element e = elements.get(i);
        boolean last = i == elements.size() - 1;
        if (e instanceof Path.Name n) {
            if (!(container instanceof Value.M m)) {
                throw DynamoDbException.validation(INVALID_PATH);
            }
            Value child = m.value().get(n.name());
            if (child == null) {
                return null;
            }
            Map<String, Value> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.remove(n.name());
            } else {
                Value changed = removeIn(child, elements, i + 1);
                if (changed == null) {
                    return null;
                }
                copy.put(n.name(), changed);
            }
            return new Value.M(copy);
        }
        int index = ((Path.Index) e).index();
        if (!(container instanceof Value.L l)) {
            throw DynamoDbException.validation(INVALID_PATH);
        }
        if (index >= l.value().size()) {
            return null;
        }
        List<Value> copy = new ArrayList<>(l.value());
        if (last) {
            copy.remove(index);
        } else {
            Value changed = removeIn(copy.get(index), elements, i + 1);
            if (changed == null) {
                return null;
            }
            copy.set(index, changed);
        }
        return new Value.L(copy);
    }
}
