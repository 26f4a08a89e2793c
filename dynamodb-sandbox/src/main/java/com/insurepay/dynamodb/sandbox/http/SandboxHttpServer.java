package com.insurepay.dynamodb.sandbox.http;

import com.insurepay.dynamodb.sandbox.admin.AdminPages;
import com.insurepay.dynamodb.sandbox.protocol.ProtocolHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * The JDK's built-in HTTP server (keep-alive, no dependency) with a pool of worker threads: {@code POST /} is the
 * DynamoDB protocol, {@code GET} the admin pages.
 */
public final class SandboxHttpServer {

    static {
        // Without TCP_NODELAY, small answers on kept-alive connections wait for delayed ACKs (40 ms each).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;

    public SandboxHttpServer(String host, int port, int threads, ProtocolHandler protocol, AdminPages admin) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 512);
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dynamodb-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, protocol, admin);
            } catch (IOException | RuntimeException e) {
                // The client went away mid-answer: nothing to tell it.
            }
        });
    }

    private static void handle(HttpExchange exchange, ProtocolHandler protocol, AdminPages admin) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && (path.equals("/") || path.isEmpty())) {
            ProtocolHandler.Response r = protocol.handle(exchange.getRequestHeaders().getFirst("X-Amz-Target"), body);
            CRC32 crc = new CRC32();
            crc.update(r.body());
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
            exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
            send(exchange, r.status(), r.body());
            return;
        }
        try {
            AdminPages.Page page;
            if (method.equals("GET") || method.equals("HEAD")) {
                page = admin.get(path, exchange.getRequestURI().getQuery());
            } else if (method.equals("DELETE") && path.equals(AdminPages.PREFIX + "/stats")) {
                page = admin.resetStats();
            } else {
                page = new AdminPages.Page(405, "text/plain", "Method not allowed".getBytes());
            }
            exchange.getResponseHeaders().set("Content-Type", page.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(page.status(), -1);
            } else {
                send(exchange, page.status(), page.body());
            }
        } catch (Exception e) {
            send(exchange, 500, ("Internal error: " + e).getBytes());
        }
    }

    /** Unique per answer without SecureRandom's lock (UUID.randomUUID serialises all workers on it). */
    private static String requestId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
