package com.insurepay.console.service;

import com.insurepay.console.config.ConsoleConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/**
 * Which tenants the logged-in operator may see: every tenant of this console, or, when the identity carries roles
 * {@code tenant:<id>} (an insurer's own operators), only those. A tenant the operator may not see answers 404,
 * exactly like one that does not exist.
 */
@RequestScoped
public class OperatorAccess {

    public static final String TENANT_ROLE_PREFIX = "tenant:";

    private final SecurityIdentity identity;
    private final ConsoleConfig config;

    public OperatorAccess(SecurityIdentity identity, ConsoleConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public List<String> tenants() {
        List<String> granted = identity.getRoles().stream().filter(r -> r.startsWith(TENANT_ROLE_PREFIX))
                .map(r -> r.substring(TENANT_ROLE_PREFIX.length())).toList();
        return granted.isEmpty() ? config.tenants() : config.tenants().stream().filter(granted::contains).toList();
    }

    /** @throws NotFoundException when the operator may not see this tenant (or it is not one of this console's) */
    public String require(String tenant) {
        if (tenant == null || !tenants().contains(tenant)) {
            throw new NotFoundException();
        }
        return tenant;
    }

    public String operatorName() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
