package com.insurepay.dynamodb.sandbox.table;

import com.insurepay.dynamodb.sandbox.durability.Mutation;
import com.insurepay.dynamodb.sandbox.durability.MutationLog;
import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * All tables, one namespace whatever the caller's credentials and region. Item operations hold the read side of
 * {@link #structureLock()} (so they never interleave with a table being created, dropped or snapshotted); table
 * operations and snapshots hold its write side.
 */
public final class Database {

    private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();
    private final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();
    private final Clock clock;
    private volatile MutationLog log = MutationLog.NONE;

    public Database(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public void log(MutationLog log) {
        this.log = log;
    }

    public MutationLog log() {
        return log;
    }

    public ReentrantReadWriteLock structureLock() {
        return structure;
    }

    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found");
        }
        return t;
    }

    public Table tableOrNull(String name) {
        return tables.get(name);
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    /** Tables in name order: the order transactions lock them in. */
    public static List<Table> lockOrder(Collection<Table> tables) {
        List<Table> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(tables));
        sorted.sort(Comparator.comparing(Table::name));
        return sorted;
    }

    /** Applies a logged change (while replaying the log, or for table operations under the structure lock). */
    public void apply(Mutation mutation) {
        if (mutation instanceof Mutation.PutItem p) {
            tables.get(p.table()).put(p.item());
        } else if (mutation instanceof Mutation.DeleteItem d) {
            tables.get(d.table()).delete(d.key());
        } else if (mutation instanceof Mutation.CreateTable c) {
            tables.put(c.definition().name(), new Table(c.definition()));
        } else if (mutation instanceof Mutation.DeleteTable d) {
            tables.remove(d.table());
        } else if (mutation instanceof Mutation.Redefine r) {
            tables.get(r.definition().name()).redefine(r.definition());
        }
    }
}
