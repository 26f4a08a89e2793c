package com.insurepay.checkout.support;

import com.insurepay.testsupport.StripeSandboxProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The real stripe-sandbox (packaged jar, child process), one per test JVM; the application's Stripe API base points at it. */
public class StripeSandboxResource implements QuarkusTestResourceLifecycleManager {

    private static StripeSandboxProcess sandbox;

    public static synchronized String baseUrl() {
        if (sandbox == null) {
            sandbox = StripeSandboxProcess.start();
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "stripe-sandbox-stop"));
        }
        return sandbox.baseUrl();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("stripe.api-base", baseUrl(), "stripe.max-network-retries", "1");
    }

    @Override
    public void stop() {
    }
}
