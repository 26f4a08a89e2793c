package com.insurepay.checkout.rest;

import com.insurepay.checkout.service.ReconciliationService;
import com.insurepay.checkout.service.ReconciliationService.Report;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reconciliation/run")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reconciliation")
public class ReconciliationResource {

    @Inject
    ReconciliationService reconciliation;

    @POST
    @Operation(summary = "Run the reconciliation now and report what it changed")
    public Report run() {
        return reconciliation.run();
    }
}
