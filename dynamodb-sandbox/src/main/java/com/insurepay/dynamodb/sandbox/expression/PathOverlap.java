package com.insurepay.dynamodb.sandbox.expression;

import java.util.List;

/** DynamoDB refuses two paths of one update or projection where one is (or conflicts with) a prefix of the other. */
final class PathOverlap {

    private PathOverlap() {
    }

    static void check(List<Path> paths, ExpressionContext context) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                List<Path.Element> a = paths.get(i).elements();
                List<Path.Element> b = paths.get(j).elements();
                int common = Math.min(a.size(), b.size());
                boolean samePrefix = true;
                for (int k = 0; k < common; k++) {
                    Path.Element x = a.get(k);
                    Path.Element y = b.get(k);
                    if (x.equals(y)) {
                        continue;
                    }
                    samePrefix = false;
                    if (x.getClass() != y.getClass()) {
                        throw context.invalid("Two document paths conflict with each other; must remove or rewrite one of these paths;"
                                + " path one: " + paths.get(i) + ", path two: " + paths.get(j));
                    }
                    break;
                }
                if (samePrefix) {
                    throw context.invalid("Two document paths overlap with each other; must remove or rewrite one of these paths;"
                            + " path one: " + paths.get(i) + ", path two: " + paths.get(j));
                }
            }
        }
    }
}
