package com.insurepay.checkout.support;

import com.insurepay.testsupport.DynamoDbSandboxServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Payment links that expire after 3 seconds, and an SMTP server that is down (nothing listens on its port). */
public class ShortLinksNoSmtpResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("payment-link.validity", "PT3S",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(DynamoDbSandboxServer.freePort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
    }
}
