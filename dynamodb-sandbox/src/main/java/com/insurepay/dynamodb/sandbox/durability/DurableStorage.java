package com.insurepay.dynamodb.sandbox.durability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.insurepay.dynamodb.sandbox.table.Database;
import com.insurepay.dynamodb.sandbox.table.DefinitionJson;
import com.insurepay.dynamodb.sandbox.table.Table;
import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * {@code --data-dir}: a snapshot ({@code snapshot.json}, the whole database at a log sequence) plus the write-ahead
 * log of everything after it. Opening loads the snapshot, replays the log, then compacts (new snapshot, empty log);
 * compaction also runs when the log grows large and on a clean stop.
 */
public final class DurableStorage implements AutoCloseable {

    static final String SNAPSHOT = "snapshot.json";
    static final String LOG = "wal.log";
    private static final long COMPACT_AFTER_BYTES = 64L * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final Path dir;
    private final Database db;
    private final WriteAheadLog log;

    private DurableStorage(Path dir, Database db, WriteAheadLog log) {
        this.dir = dir;
        this.db = db;
        this.log = log;
    }

    public static DurableStorage open(Path dir, Database db, boolean sync) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        long sequence = 0;
        Path snapshot = dir.resolve(SNAPSHOT);
        if (Files.exists(snapshot)) {
            JsonNode root = json.readTree(snapshot.toFile());
            sequence = root.get("seq").asLong();
            for (JsonNode t : root.get("tables")) {
                db.apply(new Mutation.CreateTable(DefinitionJson.read(t.get("definition"))));
                Table table = db.table(t.get("definition").get("name").asText());
                for (JsonNode item : t.get("items")) {
                    table.put(ValueJson.readItem(item));
                }
            }
        }
        sequence = WriteAheadLog.replay(dir.resolve(LOG), sequence, json, mutations -> mutations.forEach(db::apply));
        DurableStorage storage = new DurableStorage(dir, db, new WriteAheadLog(dir.resolve(LOG), sequence, sync));
        storage.compact();
        db.log(storage.log);
        return storage;
    }

    /** Writes a snapshot of everything logged so far and empties the log. Holds the database's structure lock. */
    public void compact() throws IOException {
        db.structureLock().writeLock().lock();
        try {
            Path tmp = dir.resolve(SNAPSHOT + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JsonGenerator g = new JsonFactory(json).createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("seq", log.sequence());
                g.writeArrayFieldStart("tables");
                for (Table t : db.tables()) {
                    g.writeStartObject();
                    g.writeFieldName("definition");
                    g.writeTree(DefinitionJson.write(t.definition()));
                    g.writeArrayFieldStart("items");
                    for (Map<String, Value> item : t.items().values()) {
                        g.writeTree(ValueJson.writeItem(item));
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.reset();
        } finally {
            db.structureLock().writeLock().unlock();
        }
    }

    /** Compacts when the log has grown past its threshold (called periodically). */
    public void compactIfLarge() {
        try {
            if (log.size() > COMPACT_AFTER_BYTES) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        compact();
        db.log(MutationLog.NONE);
        log.close();
    }
}
