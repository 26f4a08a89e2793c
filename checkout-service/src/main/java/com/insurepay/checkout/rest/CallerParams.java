package com.insurepay.checkout.rest;

import com.insurepay.common.payment.Payment;
import jakarta.ws.rs.HeaderParam;
import java.util.regex.Pattern;

/**
 * Who is calling, as mcp-gateway tells us: the tenant whose data the call may touch and the actor recorded in the
 * history. Trusted only because every /api call must carry the service token ({@link ServiceTokenFilter}); a caller
 * without these headers acts as the default tenant and the actor {@code api}.
 */
public class CallerParams {

    public static final String TENANT_HEADER = "X-Insurepay-Tenant";
    public static final String ACTOR_HEADER = "X-Insurepay-Actor";
    private static final Pattern SAFE_TENANT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    /**
     * The gateway names a token {@code id(name)} (McpToken.actor) and a token's name may hold spaces: both are safe
     * in a history line; control characters, quotes and markup are not.
     */
    private static final Pattern SAFE_ACTOR = Pattern.compile("[A-Za-z0-9 ._:@()-]{1,128}");

    @HeaderParam(TENANT_HEADER)
    String tenant;

    @HeaderParam(ACTOR_HEADER)
    String actor;

    public String tenant() {
        return tenant == null || tenant.isBlank() ? Payment.DEFAULT_TENANT
                : checked(TENANT_HEADER, tenant, SAFE_TENANT, "letters, digits or . _ : @ -");
    }

    public String actor() {
        return actor == null || actor.isBlank() ? "api"
                : checked(ACTOR_HEADER, actor, SAFE_ACTOR, "letters, digits, spaces or . _ : @ ( ) -");
    }

    private static String checked(String header, String value, Pattern safe, String allowed) {
        String v = value.trim();
        if (!safe.matcher(v).matches()) {
            throw com.insurepay.checkout.service.CheckoutProblem.validation(header, header + " must be 1 to 128 " + allowed);
        }
        return v;
    }
}
