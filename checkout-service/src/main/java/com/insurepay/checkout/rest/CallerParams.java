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
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    /** The gateway's actor is {@code <token id>(<token name>)}, and token names may hold spaces. */
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9 ._:@()-]{1,240}");

    @HeaderParam(TENANT_HEADER)
    String tenant;

    @HeaderParam(ACTOR_HEADER)
    String actor;

    public String tenant() {
        return tenant == null || tenant.isBlank() ? Payment.DEFAULT_TENANT : checked(TENANT_HEADER, tenant);
    }

    public String actor() {
        return actor == null || actor.isBlank() ? "api" : checked(ACTOR_HEADER, actor, ACTOR);
    }

    private static String checked(String header, String value) {
        return checked(header, value, SAFE);
    }

    private static String checked(String header, String value, Pattern allowed) {
        String v = value.trim();
        if (!allowed.matcher(v).matches()) {
            throw com.insurepay.checkout.service.CheckoutProblem.validation(header,
                    header + " must be 1 to " + (allowed == ACTOR ? "240 letters, digits, spaces or . _ : @ ( ) -"
                            : "128 letters, digits or . _ : @ -"));
        }
        return v;
    }
}
