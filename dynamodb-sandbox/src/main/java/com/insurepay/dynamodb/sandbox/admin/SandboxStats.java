package com.insurepay.dynamodb.sandbox.admin;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters a benchmark can read without instrumenting its clients: requests per operation (and their errors) and
 * the read/write capacity units consumed per table, computed by DynamoDB's rules whether or not the client asked
 * for ReturnConsumedCapacity.
 */
public final class SandboxStats {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder[]> units = new ConcurrentHashMap<>();

    public void request(String operation) {
        requests.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public void error(String errorType) {
        errors.computeIfAbsent(errorType, k -> new LongAdder()).increment();
    }

    public void consumed(String table, double read, double write) {
        DoubleAdder[] u = units.computeIfAbsent(table, k -> new DoubleAdder[] {new DoubleAdder(), new DoubleAdder()});
        u[0].add(read);
        u[1].add(write);
    }

    public Map<String, Long> requests() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** table → {readCapacityUnits, writeCapacityUnits}. */
    public Map<String, double[]> consumedUnits() {
        Map<String, double[]> out = new TreeMap<>();
        units.forEach((k, v) -> out.put(k, new double[] {v[0].sum(), v[1].sum()}));
        return out;
    }

    public void reset() {
        requests.clear();
        errors.clear();
        units.clear();
    }
}
