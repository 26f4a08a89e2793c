package com.insurepay.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A journey class that talks to the gateway as one assistant: one MCP session for the class's tests. */
abstract class McpJourney {

    static Mcp mcp;

    @BeforeAll
    static void connect() {
        mcp = new Mcp();
    }

    @AfterAll
    static void disconnect() {
        if (mcp != null) {
            mcp.close();
            mcp = null;
        }
    }
}
