package com.insurepay.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Exists only in the test application: a request that fails the way a DynamoDB outage would. */
@Path("/")
public class FailingTestResource {

    @GET
    @Path("test-only/failure")
    public String page() {
        throw new IllegalStateException("simulated failure with a secret-looking detail sk_live_should_not_leak");
    }

    @GET
    @Path("api/test-only/failure")
    public String api() {
        throw new IllegalStateException("simulated failure with a secret-looking detail sk_live_should_not_leak");
    }
}
