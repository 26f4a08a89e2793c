package com.insurepay.pages.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What the pages say and how the processing page polls. Keys {@code pages.*}; see the module README. */
@ConfigMapping(prefix = "pages")
public interface PagesConfig {

    /** Shown in every page header and on the policy PDF (env {@code INSURER_NAME}). */
    @WithDefault("InsurePay Travel Insurance")
    String insurerName();

    /** How long the processing page polls before it says plainly that confirmation is taking longer. */
    @WithDefault("60s")
    Duration processingWait();

    /** How often the processing page asks for the payment's status. */
    @WithDefault("2s")
    Duration pollInterval();
}
