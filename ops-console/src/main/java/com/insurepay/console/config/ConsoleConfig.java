package com.insurepay.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;

/** The console's own settings ({@code console.*} in application.properties). */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** The tenants (insurers) this console shows. */
    List<String> tenants();

    /** Shown in every page header. */
    @WithDefault("InsurePay operators' console")
    String title();

    /** The form login with users from configuration: dev, tests, ./stack and docker-compose only. */
    @WithName("local-login.enabled")
    @WithDefault("false")
    boolean localLoginEnabled();
}
