package com.insurepay.webhook.support;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.insurepay.testsupport.DynamoDbLocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A DynamoDB Local server of its own that a test can stop and start again with its data intact: unlike
 * {@link DynamoDbLocalServer#startNew} (in memory, so a restart comes back empty) it keeps the database in a file
 * under target/.
 */
public final class StoppableDynamoDb {

    private static StoppableDynamoDb instance;

    private final int port;
    private final Path dbPath;
    private DynamoDBProxyServer server;

    private StoppableDynamoDb(int port, Path dbPath) {
        this.port = port;
        this.dbPath = dbPath;
    }

    public static synchronized StoppableDynamoDb instance() {
        if (instance == null) {
            int port = DynamoDbLocalServer.freePort();
            try {
                Path dir = Files.createDirectories(Path.of("target", "dynamodb-outage-" + port).toAbsolutePath());
                instance = new StoppableDynamoDb(port, dir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "dynamodb-outage-stop"));
        }
        return instance;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-sharedDb", "-dbPath", dbPath.toString(), "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start DynamoDB Local on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop DynamoDB Local", e);
            } finally {
                server = null;
            }
        }
    }

    public String endpoint() {
        return "http://localhost:" + port;
    }
}
