package com.insurepay.dynamodb.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code java -jar dynamodb-sandbox.jar [--port 8000] [--host 127.0.0.1] [--data-dir DIR] [--ttl-sweep-seconds 5]
 * [--no-sync]}: serves until the process is stopped (SIGTERM writes a final snapshot when there is a data dir).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        DynamoDbSandbox.Builder builder = DynamoDbSandbox.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--data-dir" -> builder.dataDir(Path.of(value(args, ++i, arg)));
                case "--ttl-sweep-seconds" ->
                    builder.ttlSweepInterval(Duration.ofMillis((long) (Double.parseDouble(value(args, ++i, arg)) * 1000)));
                case "--threads" -> builder.threads(Integer.parseInt(value(args, ++i, arg)));
                case "--no-sync" -> builder.syncWrites(false);
                case "--help", "-h" -> {
                    System.out.println("usage: dynamodb-sandbox [--port 8000] [--host 127.0.0.1] [--data-dir DIR]"
                            + " [--ttl-sweep-seconds 5] [--threads N] [--no-sync]");
                    return;
                }
                default -> {
                    System.err.println("dynamodb-sandbox: unknown option " + arg + " (try --help)");
                    System.exit(2);
                }
            }
        }
        DynamoDbSandbox sandbox = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::stop, "dynamodb-sandbox-stop"));
        System.out.printf("dynamodb-sandbox started in %.3fs on %s%s%n", (System.nanoTime() - started) / 1e9, sandbox.endpoint(),
                args.length == 0 ? "" : " " + String.join(" ", args));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("dynamodb-sandbox: " + option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
