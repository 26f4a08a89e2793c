package com.insurepay.dynamodb.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.admin.SandboxStats;
import com.insurepay.dynamodb.sandbox.expression.Condition;
import com.insurepay.dynamodb.sandbox.expression.ConditionEvaluator;
import com.insurepay.dynamodb.sandbox.expression.Path;
import com.insurepay.dynamodb.sandbox.expression.Projector;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.table.Database;
import com.insurepay.dynamodb.sandbox.table.IndexDefinition;
import com.insurepay.dynamodb.sandbox.table.KeySchema;
import com.insurepay.dynamodb.sandbox.table.SecondaryIndex;
import com.insurepay.dynamodb.sandbox.table.StorageKey;
import com.insurepay.dynamodb.sandbox.table.Table;
import com.insurepay.dynamodb.sandbox.value.ItemSize;
import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueJson;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/** Query and Scan, with filters, projections, Limit, the 1 MB page, pagination and parallel-scan segments. */
public final class QueryScanOperations {

    static final int MAX_PAGE_BYTES = 1024 * 1024;
    private static final Set<String> SELECT = Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    private final Database db;
    private final SandboxStats stats;

    public QueryScanOperations(Database db, SandboxStats stats) {
        this.db = db;
        this.stats = stats;
    }

    /** Where an entry stands: 1 read it, 0 skip it (not evaluated), -1 stop (past the range). */
    @FunctionalInterface
    interface RangeCheck {
        int place(Map<String, Value> item);
    }

    /** What Query and Scan share: where to read, what to keep, how much. */
    private final class Read {
        final Table table;
        final SecondaryIndex index;
        final KeySchema keys;
        final Condition filter;
        final List<Path> projection;
        final boolean countOnly;
        final Integer limit;
        final boolean consistent;
        final Map<String, Value> startKey;
        final String capacityMode;
        final ExpressionParams expressions;

        Read(JsonNode request) {
            Params.refuseLegacy(request, "AttributesToGet", "KeyConditions", "QueryFilter", "ScanFilter", "ConditionalOperator");
            table = db.table(Params.tableName(request, "tableName"));
            String indexName = Params.string(request, "IndexName");
            if (indexName != null) {
                index = table.index(indexName);
                if (index == null) {
                    throw DynamoDbException.validation("The table does not have the specified index: " + indexName);
                }
            } else {
                index = null;
            }
            keys = index == null ? table.definition().key() : index.definition().key();
            consistent = Params.bool(request, "ConsistentRead");
            if (consistent && index != null && index.definition().global()) {
                throw DynamoDbException.validation("Consistent reads are not supported on global secondary indexes");
            }
            limit = Params.integer(request, "Limit");
            if (limit != null && limit < 1) {
                throw Params.constraint("'" + limit + "'", "limit", "Member must have value greater than or equal to 1");
            }
            capacityMode = Params.oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY, "NONE");
            expressions = new ExpressionParams(request);
            filter = expressions.condition("FilterExpression");
            projection = expressions.projection();
            String select = Params.oneOf(request, "Select", "select", SELECT, null);
            if (select != null && projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
                throw DynamoDbException.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
            }
            if ("SPECIFIC_ATTRIBUTES".equals(select) && projection == null) {
                throw DynamoDbException.validation("SPECIFIC_ATTRIBUTES requires a ProjectionExpression");
            }
            if ("ALL_ATTRIBUTES".equals(select) && index != null && index.definition().global()
                    && index.definition().projection() != IndexDefinition.ProjectionType.ALL) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported"
                        + " for global secondary index " + index.definition().name() + " because its projection type is not ALL");
            }
            countOnly = "COUNT".equals(select);
            startKey = ValueJson.readItem(request.get("ExclusiveStartKey"));
        }

        NavigableMap<StorageKey, Map<String, Value>> entries() {
            return index == null ? table.items() : index.entries();
        }

        StorageKey storageKeyOf(Map<String, Value> keyOrItem) {
            return index == null ? table.storageKey(keyOrItem) : index.keyOf(keyOrItem);
        }

        Map<String, Value> lastKeyOf(Map<String, Value> item) {
            return index == null ? table.definition().key().keyOf(item) : index.entryKey(item);
        }

        void checkStartKey() {
            if (startKey == null) {
                return;
            }
            KeySchema tableKey = table.definition().key();
            int expected = tableKey.names().size();
            boolean ok = tableKey.names().stream().allMatch(n -> startKey.get(n) != null
                    && startKey.get(n).type() == (n.equals(tableKey.hash().name()) ? tableKey.hash().type() : tableKey.range().type()));
            if (index != null) {
                for (String n : index.definition().key().names()) {
                    if (!tableKey.isKeyAttribute(n)) {
                        expected++;
                    }
                    ok &= startKey.get(n) != null;
                }
            }
            if (!ok || startKey.size() != expected) {
                throw DynamoDbException
                        .validation("The provided starting key is invalid: The provided key element does not match the schema");
            }
        }

        /** Reads from {@code entries} in order, filling the response. */
        ObjectNode page(Iterator<Map.Entry<StorageKey, Map<String, Value>>> entries, RangeCheck inRange) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            int count = 0;
            int scanned = 0;
            long bytes = 0;
            Map<String, Value> last = null;
            boolean more = false;
            while (entries.hasNext()) {
                if ((limit != null && scanned >= limit) || bytes > MAX_PAGE_BYTES) {
                    more = true;
                    break;
                }
                Map<String, Value> item = entries.next().getValue();
                int place = inRange.place(item);
                if (place < 0) {
                    break;
                }
                if (place == 0) {
                    continue;
                }
                scanned++;
                bytes += ItemSize.of(item);
                last = item;
                if (filter == null || ConditionEvaluator.test(filter, item)) {
                    count++;
                    if (!countOnly) {
                        items.add(ValueJson.writeItem(projection == null ? item : Projector.project(item, projection)));
                    }
                }
            }
            // Like DynamoDB: a page that stopped at Limit (or at 1 MB) has a LastEvaluatedKey, even if nothing follows.
            boolean stoppedAtLimit = limit != null && scanned >= limit;
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            if (!countOnly) {
                response.set("Items", items);
            }
            response.put("Count", count);
            response.put("ScannedCount", scanned);
            if (last != null && (more || stoppedAtLimit)) {
                response.set("LastEvaluatedKey", ValueJson.writeItem(lastKeyOf(last)));
            }
            Capacity capacity = new Capacity();
            capacity.read(table.name(), index == null ? null : index.definition(), Capacity.readUnits(bytes, consistent));
            capacity.record(stats);
            ItemOperations.putCapacity(response, capacity.single(capacityMode));
            return response;
        }
    }

    public ObjectNode query(JsonNode request) {
        Read read = new Read(request);
        Condition keyExpression = read.expressions.condition("KeyConditionExpression");
        if (keyExpression == null) {
            throw DynamoDbException
                    .validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        read.expressions.finish(true);
        KeyCondition keyCondition = KeyCondition.of(keyExpression, read.keys);
        if (read.filter != null) {
            checkFilterAvoidsKeys(read.filter, read.keys);
        }
        read.checkStartKey();
        boolean forward = !request.has("ScanIndexForward") || request.get("ScanIndexForward").asBoolean(true);
        return Locks.read(db, read.table, () -> {
            NavigableMap<StorageKey, Map<String, Value>> range = read.entries().subMap(keyCondition.from(), true, keyCondition.to(), true);
            if (!forward) {
                range = range.descendingMap();
            }
            if (read.startKey != null) {
                if (!keyCondition.sameRangeAs(read.startKey)) {
                    throw DynamoDbException
                            .validation("The provided starting key is outside query boundaries based on provided conditions");
                }
                StorageKey start = read.storageKeyOf(read.startKey);
                range = forward ? range.tailMap(start, false) : range.tailMap(start, false);
            }
            return read.page(range.entrySet().iterator(), item -> keyCondition.place(item, forward));
        });
    }

    private static void checkFilterAvoidsKeys(Condition filter, KeySchema keys) {
        for (String name : keys.names()) {
            if (mentions(filter, name)) {
                throw DynamoDbException
                        .validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: " + name);
            }
        }
    }

    private static boolean mentions(Condition c, String name) {
        if (c instanceof Condition.And a) {
            return mentions(a.left(), name) || mentions(a.right(), name);
        }
        if (c instanceof Condition.Or o) {
            return mentions(o.left(), name) || mentions(o.right(), name);
        }
        if (c instanceof Condition.Not n) {
            return mentions(n.condition(), name);
        }
        List<com.insurepay.dynamodb.sandbox.expression.Operand> operands;
        if (c instanceof Condition.Compare cmp) {
            operands = List.of(cmp.left(), cmp.right());
        } else if (c instanceof Condition.Between b) {
            operands = List.of(b.value(), b.lower(), b.upper());
        } else if (c instanceof Condition.In in) {
            operands = new java.util.ArrayList<>(in.candidates());
            operands.add(in.value());
        } else {
            operands = ((Condition.Function) c).arguments();
        }
        for (var o : operands) {
            var target = o instanceof com.insurepay.dynamodb.sandbox.expression.Operand.Size s ? s.argument() : o;
            if (target instanceof com.insurepay.dynamodb.sandbox.expression.Operand.PathOperand p && p.path().topName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public ObjectNode scan(JsonNode request) {
        Read read = new Read(request);
        read.expressions.finish(read.filter != null || read.projection != null);
        Integer segment = Params.integer(request, "Segment");
        Integer total = Params.integer(request, "TotalSegments");
        if (segment != null && total == null) {
            throw DynamoDbException.validation(
                    "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (total != null && segment == null) {
            throw DynamoDbException.validation(
                    "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (total != null && (total < 1 || total > 1_000_000)) {
            throw Params.constraint("'" + total + "'", "totalSegments", total < 1
                    ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 1000000");
        }
        if (segment != null && (segment < 0 || segment >= total)) {
            throw DynamoDbException
                    .validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                            + segment + " is not less than TotalSegments: " + total);
        }
        read.checkStartKey();
        return Locks.read(db, read.table, () -> {
            NavigableMap<StorageKey, Map<String, Value>> range = read.entries();
            if (segment != null) {
                range = range.tailMap(StorageKey.atHash(Segments.firstHash(segment, total)), true);
            }
            if (read.startKey != null) {
                range = range.tailMap(read.storageKeyOf(read.startKey), false);
            }
            final NavigableMap<StorageKey, Map<String, Value>> from = range;
            RangeCheck inSegment = segment == null ? item -> 1
                    : item -> Segments.of(read.storageKeyOf(item).hash(), total) == segment ? 1 : -1;
            return read.page(from.entrySet().iterator(), inSegment);
        });
    }
}
