package com.insurepay.dynamodb.sandbox.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/**
 * An append-only file of records {@code [length][crc32][JSON]}, each the mutations of one request, forced to disk
 * before the request is answered. On open, records are replayed until the first torn or corrupt one (a crash in
 * the middle of a write), and the file is cut there.
 */
final class WriteAheadLog implements MutationLog {

    private static final Logger LOG = Logger.getLogger(WriteAheadLog.class.getName());
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 64 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final boolean sync;
    private FileChannel channel;
    private long sequence;

    WriteAheadLog(Path file, long sequence, boolean sync) throws IOException {
        this.file = file;
        this.sequence = sequence;
        this.sync = sync;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * Replays the records of {@code file} with a sequence above {@code after}; cuts a torn tail.
     *
     * @return the highest sequence seen
     */
    static long replay(Path file, long after, ObjectMapper json, Consumer<List<Mutation>> apply) throws IOException {
        if (!Files.exists(file)) {
            return after;
        }
        long highest = after;
        long good = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = in.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (good + HEADER <= size) {
                header.clear();
                in.read(header, good);
                header.flip();
                int length = header.getInt();
                long crc = Integer.toUnsignedLong(header.getInt());
                if (length <= 0 || length > MAX_RECORD || good + HEADER + length > size) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                in.read(payload, good + HEADER);
                CRC32 check = new CRC32();
                check.update(payload.array());
                if (check.getValue() != crc) {
                    break;
                }
                JsonNode record = json.readTree(payload.array());
                long seq = record.get("seq").asLong();
                if (seq > after) {
                    apply.accept(MutationJson.read(record));
                }
                highest = Math.max(highest, seq);
                good += HEADER + length;
            }
            if (good < size) {
                LOG.warning("write-ahead log " + file + ": cut a torn or corrupt tail of " + (size - good) + " bytes");
                in.truncate(good);
                in.force(true);
            }
        }
        return highest;
    }

    @Override
    public synchronized void append(List<Mutation> mutations) {
        if (mutations.isEmpty()) {
            return;
        }
        try {
            byte[] payload = json.writeValueAsBytes(MutationJson.write(++sequence, mutations));
            CRC32 crc = new CRC32();
            crc.update(payload);
            ByteBuffer record = ByteBuffer.allocate(HEADER + payload.length);
            record.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
            while (record.hasRemaining()) {
                channel.write(record);
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the write-ahead log " + file, e);
        }
    }

    synchronized long sequence() {
        return sequence;
    }

    synchronized long size() throws IOException {
        return channel.size();
    }

    /** After a snapshot covering every record: start an empty log. */
    synchronized void reset() throws IOException {
        channel.truncate(0);
        channel.force(true);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
