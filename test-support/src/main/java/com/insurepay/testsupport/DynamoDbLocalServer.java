package com.insurepay.testsupport;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real DynamoDB Local (from Maven Central), in this JVM, on a free port, in memory. One server per test JVM:
 * {@link #shared()} starts it on first use and a shutdown hook stops it. Tests keep their data apart with unique
 * ids rather than by dropping tables (re-creating a stream-enabled table slows DynamoDB Local down a lot).
 */
public final class DynamoDbLocalServer {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private static DynamoDbLocalServer shared;

    private final int port;
    /** Null: in memory. Otherwise the database lives in this folder and survives a stop/start. */
    private final Path dataDir;
    private DynamoDBProxyServer server;

    private DynamoDbLocalServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    public static synchronized DynamoDbLocalServer shared() {
        if (shared == null) {
            DynamoDbLocalServer s = new DynamoDbLocalServer(freePort(), null);
            s.start();
            Runtime.getRuntime().addShutdownHook(new Thread(s::stopQuietly, "dynamodb-local-stop"));
            shared = s;
        }
        return shared;
    }

    /**
     * A server of its own whose database is kept in {@code dataDir}, so a fault test can stop it and start it again
     * with its data intact. A shutdown hook stops it at the end.
     */
    public static DynamoDbLocalServer startPersistent(int port, Path dataDir) {
        DynamoDbLocalServer s = new DynamoDbLocalServer(port, dataDir);
        s.start();
        Runtime.getRuntime().addShutdownHook(new Thread(s::stopQuietly, "dynamodb-local-stop-" + port));
        return s;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            // -sharedDb: one database whatever the credentials/region of the client (like the stack's server).
            String[] storage = dataDir == null ? new String[] {"-inMemory"} : new String[] {"-dbPath", dataDir.toString()};
            String[] common = {"-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)};
            String[] args = new String[storage.length + common.length];
            System.arraycopy(storage, 0, args, 0, storage.length);
            System.arraycopy(common, 0, args, storage.length, common.length);
            server = ServerRunner.createServerFromCommandLineArgs(args);
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
                throw new IllegalStateException("could not stop DynamoDB Local on port " + port, e);
            } finally {
                server = null;
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            // At JVM exit: nothing useful to do.
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://localhost:" + port;
    }

    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
