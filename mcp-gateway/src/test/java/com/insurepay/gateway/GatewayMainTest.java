package com.insurepay.gateway;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token CLI outside ./stack's environment: one plain line saying what is missing, or it reads .stack/env. */
class GatewayMainTest {

    @Test
    void withoutARegionOrAStackItSaysWhatToSetInOneLine(@TempDir Path dir) {
        String missing = GatewayMain.configureStorage(Map.of(), dir.resolve(".stack/env"));
        assertNotNull(missing);
        assertFalse(missing.contains("\n"));
        assertTrue(missing.contains("QUARKUS_DYNAMODB_AWS_REGION") && missing.contains("./stack up"), missing);
    }

    @Test
    void withARegionInTheEnvironmentNothingIsMissing(@TempDir Path dir) {
        assertNull(GatewayMain.configureStorage(Map.of("AWS_REGION", "eu-west-1"), dir.resolve(".stack/env")));
    }

    @Test
    void afterStackUpItUsesTheLocalTable(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("env");
        Files.writeString(env, "MCP_URL=http://localhost:8080/mcp\nDYNAMODB_ENDPOINT=http://localhost:18000\nPAYMENTS_TABLE=payments_x\n");
        try {
            assertNull(GatewayMain.configureStorage(Map.of(), env));
            assertEquals("http://localhost:18000", System.getProperty("quarkus.dynamodb.endpoint-override"));
            assertEquals("payments_x", System.getProperty("payments.table"));
            assertEquals("us-east-1", System.getProperty("quarkus.dynamodb.aws.region"));
        } finally {
            for (String p : new String[] {"quarkus.dynamodb.endpoint-override", "payments.table", "quarkus.dynamodb.aws.region",
                    "quarkus.dynamodb.aws.credentials.type", "quarkus.dynamodb.aws.credentials.static-provider.access-key-id",
                    "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key"}) {
                System.clearProperty(p);
            }
        }
    }
}
