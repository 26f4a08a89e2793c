package com.insurepay.dynamodb.sandbox.ops;

import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import com.insurepay.dynamodb.sandbox.table.Database;
import com.insurepay.dynamodb.sandbox.table.Table;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * How operations take locks: the database's structure lock (shared), then table locks in name order, so two
 * transactions over the same tables can never deadlock. A table dropped meanwhile is refused.
 */
final class Locks {

    private Locks() {
    }

    static <T> T read(Database db, Table table, Supplier<T> body) {
        db.structureLock().readLock().lock();
        try {
            requireAlive(db, table);
            table.lock().readLock().lock();
            try {
                return body.get();
            } finally {
                table.lock().readLock().unlock();
            }
        } finally {
            db.structureLock().readLock().unlock();
        }
    }

    static <T> T readAll(Database db, Collection<Table> tables, Supplier<T> body) {
        List<Table> ordered = Database.lockOrder(tables);
        db.structureLock().readLock().lock();
        int locked = 0;
        try {
            for (Table t : ordered) {
                requireAlive(db, t);
                t.lock().readLock().lock();
                locked++;
            }
            return body.get();
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                ordered.get(i).lock().readLock().unlock();
            }
            db.structureLock().readLock().unlock();
        }
    }

    static <T> T write(Database db, Collection<Table> tables, Supplier<T> body, Runnable always) {
        List<Table> ordered = Database.lockOrder(tables);
        db.structureLock().readLock().lock();
        int locked = 0;
        try {
            for (Table t : ordered) {
                requireAlive(db, t);
                t.lock().writeLock().lock();
                locked++;
            }
            return body.get();
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                ordered.get(i).lock().writeLock().unlock();
            }
            db.structureLock().readLock().unlock();
            if (always != null) {
                always.run();
            }
        }
    }

    private static void requireAlive(Database db, Table table) {
        if (db.tableOrNull(table.name()) != table) {
            throw DynamoDbException.resourceNotFound("Requested resource not found");
        }
    }
}
