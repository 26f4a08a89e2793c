package com.insurepay.dynamodb.sandbox.expression;

import com.insurepay.dynamodb.sandbox.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps only the given document paths of an item, keeping their nesting: {@code a.b} gives {@code {a: {b: ..}}},
 * {@code l[3]} gives {@code {l: [<element 3>]}} (list elements keep their order, without gaps).
 */
public final class Projector {

    private Projector() {
    }

    public static Map<String, Value> project(Map<String, Value> item, List<Path> paths) {
        Node root = new Node();
        for (Path path : paths) {
            Value v = Documents.resolve(item, path);
            if (v != null) {
                root.insert(path.elements(), 0, v);
            }
        }
        Map<String, Value> result = new LinkedHashMap<>();
        root.names.forEach((k, n) -> result.put(k, n.toValue()));
        return result;
    }

    private static final class Node {
        Value leaf;
        Map<String, Node> names = new LinkedHashMap<>();
        TreeMap<Integer, Node> indexes = new TreeMap<>();

        void insert(List<Path.Element> elements, int i, Value v) {
            if (i == elements.size()) {
                leaf = v;
                return;
            }
            Path.Element e = elements.get(i);
            Node child = e instanceof Path.Name n ? names.computeIfAbsent(n.name(), k -> new Node())
                    : indexes.computeIfAbsent(((Path.Index) e).index(), k -> new Node());
            child.insert(elements, i + 1, v);
        }

        Value toValue() {
            if (leaf != null) {
                return leaf;
            }
            if (!indexes.isEmpty()) {
                List<Value> list = new ArrayList<>();
                indexes.values().forEach(n -> list.add(n.toValue()));
                return new Value.L(list);
            }
            Map<String, Value> map = new LinkedHashMap<>();
            names.forEach((k, n) -> map.put(k, n.toValue()));
            return new Value.M(map);
        }
    }
}
