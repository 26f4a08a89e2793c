package com.insurepay.gateway;

import com.insurepay.gateway.admin.TokenCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * One jar, two uses: without arguments it is the MCP server (runs until stopped); with {@code token …} it is the
 * admin CLI against the configured table, e.g.
 * {@code java -jar mcp-gateway/target/quarkus-app/quarkus-run.jar token create --name claude-desktop --ttl 90d}.
 */
@QuarkusMain
public class GatewayMain implements QuarkusApplication {

    @Inject
    TokenCommand tokenCommand;

    public static void main(String... args) {
        if (isAdmin(args)) {
            // The CLI must not compete with a running gateway for port 8080, nor chatter on the console.
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.setProperty("quarkus.log.level", System.getProperty("quarkus.log.level", "ERROR"));
            System.setProperty("quarkus.banner.enabled", "false");
        }
        Quarkus.run(GatewayMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (isAdmin(args)) {
            return tokenCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
        }
        Quarkus.waitForExit();
        return 0;
    }

    private static boolean isAdmin(String... args) {
        return args.length > 0 && "token".equals(args[0]);
    }
}
