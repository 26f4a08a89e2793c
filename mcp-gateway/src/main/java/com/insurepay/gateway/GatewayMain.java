package com.insurepay.gateway;

import com.insurepay.gateway.admin.TokenCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One jar, two uses: without arguments it is the MCP server (runs until stopped); with {@code token …} it is the
 * admin CLI against the configured table, e.g.
 * {@code java -jar mcp-gateway/target/quarkus-app/quarkus-run.jar token create --name claude-desktop --tenant acme}.
 * The CLI finds its DynamoDB from the environment ({@code QUARKUS_DYNAMODB_*}, {@code PAYMENTS_TABLE}), or from
 * {@code .stack/env} in the working directory after {@code ./stack up}; what is missing is said in one line.
 */
@QuarkusMain
public class GatewayMain implements QuarkusApplication {

    @Inject
    TokenCommand tokenCommand;

    public static void main(String... args) {
        if (!isAdmin(args)) {
            Quarkus.run(GatewayMain.class, args);
            return;
        }
        // The CLI must not compete with a running gateway for port 8080, nor chatter on the console.
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("quarkus.http.host", "127.0.0.1");
        System.setProperty("quarkus.log.level", System.getProperty("quarkus.log.level", "OFF"));
        System.setProperty("quarkus.banner.enabled", "false");
        String missing = configureStorage(System.getenv(), Path.of(".stack", "env"));
        if (missing != null) {
            System.err.println("token: " + missing);
            System.exit(2);
        }
        Quarkus.run(GatewayMain.class, (code, failure) -> {
            if (failure != null) {
                System.err.println("token: could not reach the token table: " + rootMessage(failure));
                System.exit(1);
            }
            System.exit(code);
        }, args);
    }

    @Override
    public int run(String... args) {
        if (isAdmin(args)) {
            return tokenCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
        }
        Quarkus.waitForExit();
        return 0;
    }

    /**
     * Makes sure the CLI knows which DynamoDB to use: the environment as for the service, else the local stack's
     * {@code .stack/env}. @return why it cannot run, or null
     */
    static String configureStorage(java.util.Map<String, String> env, Path stackEnv) {
        boolean region = env.containsKey("QUARKUS_DYNAMODB_AWS_REGION") || env.containsKey("AWS_REGION")
                || System.getProperty("quarkus.dynamodb.aws.region") != null;
        if (region) {
            return null;
        }
        if (Files.isReadable(stackEnv)) {
            try {
                for (String line : Files.readAllLines(stackEnv)) {
                    int eq = line.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String key = line.substring(0, eq);
                    String value = line.substring(eq + 1);
                    if (key.equals("DYNAMODB_ENDPOINT")) {
                        System.setProperty("quarkus.dynamodb.endpoint-override", value);
                    } else if (key.equals("PAYMENTS_TABLE")) {
                        System.setProperty("payments.table", value);
                    }
                }
            } catch (IOException e) {
                return "could not read " + stackEnv + ": " + e.getMessage();
            }
            System.setProperty("quarkus.dynamodb.aws.region", "us-east-1");
            System.setProperty("quarkus.dynamodb.aws.credentials.type", "static");
            System.setProperty("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local");
            System.setProperty("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
            return null;
        }
        return "no DynamoDB is configured: set QUARKUS_DYNAMODB_AWS_REGION (and QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE plus"
                + " static credentials for a local table), or run it from the project directory after ./stack up so"
                + " .stack/env is read";
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return List.of(message.split("\\R")).get(0);
    }

    private static boolean isAdmin(String... args) {
        return args.length > 0 && "token".equals(args[0]);
    }
}
