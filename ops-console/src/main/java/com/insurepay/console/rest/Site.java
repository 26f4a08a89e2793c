package com.insurepay.console.rest;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What every page's frame shows: the console's title, the tenant in view (null on pages about no tenant), the
 * tenants this operator may switch to, who is logged in, and which section is current (for aria-current).
 */
@TemplateData
public record Site(String title, String tenant, List<String> tenants, String operator, String section) {

    public boolean current(String name) {
        return name.equals(section);
    }
}
