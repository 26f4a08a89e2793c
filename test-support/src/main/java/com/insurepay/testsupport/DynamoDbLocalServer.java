package com.insurepay.testsupport;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
    private DynamoDBProxyServer server;

    private DynamoDbLocalServer(int port) {
        this.port = port;
    }

    public static synchronized DynamoDbLocalServer shared() {
        if (shared == null) {
            DynamoDbLocalServer s = new DynamoDbLocalServer(freePort());
            s.start();
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "dynamodb-local-stop"));
            shared = s;
        }
        return shared;
    }

    /** A server of its own, e.g. to stop and restart it in a fault test. Stop it yourself. */
    public static DynamoDbLocalServer startNew(int port) {
        DynamoDbLocalServer s = new DynamoDbLocalServer(port);
        s.start();
        return s;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            // -sharedDb: one database whatever the credentials/region of the client (like the stack's server).
            server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
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
                // Stopping at JVM exit: nothing useful to do.
            }
            server = null;
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
