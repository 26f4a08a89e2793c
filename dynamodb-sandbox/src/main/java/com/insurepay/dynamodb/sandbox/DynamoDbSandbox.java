package com.insurepay.dynamodb.sandbox;

import com.insurepay.dynamodb.sandbox.admin.AdminPages;
import com.insurepay.dynamodb.sandbox.admin.SandboxStats;
import com.insurepay.dynamodb.sandbox.durability.DurableStorage;
import com.insurepay.dynamodb.sandbox.http.SandboxHttpServer;
import com.insurepay.dynamodb.sandbox.ops.BatchOperations;
import com.insurepay.dynamodb.sandbox.ops.ItemOperations;
import com.insurepay.dynamodb.sandbox.ops.QueryScanOperations;
import com.insurepay.dynamodb.sandbox.ops.TableOperations;
import com.insurepay.dynamodb.sandbox.ops.TransactionOperations;
import com.insurepay.dynamodb.sandbox.protocol.ProtocolHandler;
import com.insurepay.dynamodb.sandbox.table.Database;
import com.insurepay.dynamodb.sandbox.table.TimeToLiveSweeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * dynamodb-sandbox: a server of DynamoDB's JSON 1.0 protocol, in this JVM. Build, {@link #start()}, point an AWS SDK
 * client at {@link #endpoint()} (any credentials and region), {@link #stop()}.
 *
 * <pre>{@code
 * DynamoDbSandbox sandbox = DynamoDbSandbox.builder().port(0).build().start();
 * DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(sandbox.endpoint())) ... .build();
 * }</pre>
 */
public final class DynamoDbSandbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DynamoDbSandbox.class.getName());

    private final String host;
    private final int requestedPort;
    private final Path dataDir;
    private final boolean syncWrites;
    private final Clock clock;
    private final Duration ttlSweepInterval;
    private final int threads;
    private final SandboxStats stats = new SandboxStats();

    private Database database;
    private DurableStorage storage;
    private SandboxHttpServer server;
    private ScheduledExecutorService background;
    private TimeToLiveSweeper sweeper;

    private DynamoDbSandbox(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.dataDir = b.dataDir;
        this.syncWrites = b.syncWrites;
        this.clock = b.clock;
        this.ttlSweepInterval = b.ttlSweepInterval;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads the data directory (if any) and starts serving. */
    public synchronized DynamoDbSandbox start() {
        if (server != null) {
            return this;
        }
        try {
            database = new Database(clock);
            if (dataDir != null) {
                storage = DurableStorage.open(dataDir, database, syncWrites);
            }
            ProtocolHandler protocol = new ProtocolHandler(stats);
            TableOperations tables = new TableOperations(database);
            ItemOperations items = new ItemOperations(database, stats);
            QueryScanOperations reads = new QueryScanOperations(database, stats);
            BatchOperations batches = new BatchOperations(database, stats);
            TransactionOperations transactions = new TransactionOperations(database, stats);
            protocol.operation("CreateTable", tables::createTable)
                    .operation("DescribeTable", tables::describeTable)
                    .operation("ListTables", tables::listTables)
                    .operation("UpdateTable", tables::updateTable)
                    .operation("DeleteTable", tables::deleteTable)
                    .operation("UpdateTimeToLive", tables::updateTimeToLive)
                    .operation("DescribeTimeToLive", tables::describeTimeToLive)
                    .operation("GetItem", items::getItem)
                    .operation("PutItem", items::putItem)
                    .operation("UpdateItem", items::updateItem)
                    .operation("DeleteItem", items::deleteItem)
                    .operation("Query", reads::query)
                    .operation("Scan", reads::scan)
                    .operation("BatchGetItem", batches::batchGetItem)
                    .operation("BatchWriteItem", batches::batchWriteItem)
                    .operation("TransactWriteItems", transactions::transactWriteItems)
                    .operation("TransactGetItems", transactions::transactGetItems);
            server = new SandboxHttpServer(host, requestedPort, threads, protocol, new AdminPages(database, stats));
            server.start();
            sweeper = new TimeToLiveSweeper(database);
            background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dynamodb-sandbox-background");
                t.setDaemon(true);
                return t;
            });
            long every = ttlSweepInterval.toMillis();
            background.scheduleWithFixedDelay(this::backgroundWork, every, every, TimeUnit.MILLISECONDS);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start dynamodb-sandbox on " + host + ":" + requestedPort, e);
        }
    }

    private void backgroundWork() {
        try {
            sweeper.sweep();
            if (storage != null) {
                storage.compactIfLarge();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dynamodb-sandbox background work failed", e);
        }
    }

    /** Deletes expired TTL items now (the background sweep does it every interval). @return how many */
    public int sweepExpiredItems() {
        return sweeper.sweep();
    }

    /** Stops serving; with a data directory, writes a final snapshot. Safe to call twice. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop();
        server = null;
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (storage != null) {
            try {
                storage.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                storage = null;
            }
        }
    }

    /**
     * Stops without a final snapshot or a clean close, as a killed process would: only what the log already holds
     * survives. For crash tests.
     */
    public synchronized void crash() {
        if (server == null) {
            return;
        }
        server.stop();
        server = null;
        background.shutdownNow();
        if (storage != null) {
            database.log().close();
            storage = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return server != null;
    }

    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.port();
    }

    public String endpoint() {
        return "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port();
    }

    public SandboxStats stats() {
        return stats;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8000;
        private Path dataDir;
        private boolean syncWrites = true;
        private Clock clock = Clock.systemUTC();
        private Duration ttlSweepInterval = Duration.ofSeconds(5);
        private int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Keep data in this directory (write-ahead log + snapshots); null (the default) keeps it in memory. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** With a data directory: force every log record to disk before answering (the default). */
        public Builder syncWrites(boolean syncWrites) {
            this.syncWrites = syncWrites;
            return this;
        }

        /** The clock TTL expiry and timestamps use (tests pass a controllable one). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder ttlSweepInterval(Duration interval) {
            this.ttlSweepInterval = interval;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public DynamoDbSandbox build() {
            return new DynamoDbSandbox(this);
        }
    }
}
