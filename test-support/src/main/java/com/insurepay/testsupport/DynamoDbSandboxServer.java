package com.insurepay.testsupport;

import com.insurepay.dynamodb.sandbox.DynamoDbSandbox;
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
 * Our dynamodb-sandbox (DynamoDB's wire protocol, open source, this repository's own module), in this JVM, on a
 * free port, in memory. One server per test JVM: {@link #shared()} starts it on first use and a shutdown hook stops
 * it. Tests keep their data apart with unique ids rather than by dropping tables.
 */
public final class DynamoDbSandboxServer {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private static DynamoDbSandboxServer shared;

    private final int port;
    /** Null: in memory. Otherwise the data lives in this folder (write-ahead log + snapshot) and survives a stop/start. */
    private final Path dataDir;
    private DynamoDbSandbox server;

    private DynamoDbSandboxServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    public static synchronized DynamoDbSandboxServer shared() {
        if (shared == null) {
            DynamoDbSandboxServer s = new DynamoDbSandboxServer(freePort(), null);
            s.start();
            Runtime.getRuntime().addShutdownHook(new Thread(s::stopQuietly, "dynamodb-sandbox-stop"));
            shared = s;
        }
        return shared;
    }

    /**
     * A server of its own whose data is kept in {@code dataDir}, so a fault test can stop it and start it again with
     * its data intact. A shutdown hook stops it at the end.
     */
    public static DynamoDbSandboxServer startPersistent(int port, Path dataDir) {
        DynamoDbSandboxServer s = new DynamoDbSandboxServer(port, dataDir);
        s.start();
        Runtime.getRuntime().addShutdownHook(new Thread(s::stopQuietly, "dynamodb-sandbox-stop-" + port));
        return s;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = DynamoDbSandbox.builder().port(port).dataDir(dataDir).build().start();
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
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
