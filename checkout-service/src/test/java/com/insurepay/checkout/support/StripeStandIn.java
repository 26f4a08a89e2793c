package com.insurepay.checkout.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server standing in for a misbehaving Stripe: answers 500, or hangs past the client's read timeout.
 * Counts every request, so a test can prove that no call was made.
 */
public final class StripeStandIn {

    public enum Mode {
        FAIL_500,
        HANG
    }

    private static StripeStandIn instance;

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode = Mode.FAIL_500;

    private StripeStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            if (mode == Mode.HANG) {
                try {
                    Thread.sleep(4000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"error\":{\"type\":\"api_error\",\"message\":\"internal failure at 10.0.0.7\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientGone) {
                // The client timed out first: that is the point of HANG.
            }
        });
        server.start();
    }

    public static synchronized StripeStandIn get() {
        if (instance == null) {
            try {
                instance = new StripeStandIn();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }
}
