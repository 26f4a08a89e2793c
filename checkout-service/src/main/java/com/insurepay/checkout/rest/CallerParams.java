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
    /** The gateway names an actor by its token's id and name, {@code 3f2a9c01b7de(claude desktop)}: also ( ) and space. */
    private static final Pattern SAFE_ACTOR = Pattern.compile("[A-Za-z0-9._:@() -]{1,128}");

    @HeaderParam(TENANT_HEADER)
    String tenant;

    @HeaderParam(ACTOR_HEADER)
    String actor;

    public String tenant() {
        return tenant == null || tenant.isBlank() ? Payment.DEFAULT_TENANT : checked(TENANT_HEADER, tenant, SAFE, "letters, digits or . _ : @ -");
    }

    public String actor() {
        return actor == null || actor.isBlank() ? "api" : checked(ACTOR_HEADER, actor, SAFE_ACTOR, "letters, digits, spaces or . _ : @ - ( )");
    }

    private static String checked(String header, String value, Pattern safe, String allowed) {
        String v = value.trim();
        if (!safe.matcher(v).matches()) {
            throw com.insurepay.checkout.service.CheckoutProblem.validation(header, header + " must be 1 to 128 " + allowed);
        }
        return v;
    }
}
