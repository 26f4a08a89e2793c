package com.insurepay.pages.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.insurepay.pages.config.PagesConfig;
import com.insurepay.pages.service.PolicyDocument;
import com.insurepay.pages.service.PolicyDocumentService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /policies/{policy_id}.pdf?token=...}: the policy document behind a signed, expiring link. */
@Path("/policies")
@Tag(name = "policy documents")
public class PolicyDocumentResource {

    private final PolicyDocumentService documents;
    private final PagesConfig config;

    public PolicyDocumentResource(PolicyDocumentService documents, PagesConfig config) {
        this.documents = documents;
        this.config = config;
    }

    @Operation(
            summary = "The policy PDF behind a signed, expiring link (token checked before the policy is looked up); stamped when the cover is suspended or cancelled")
    @GET
    @Path("{policyId}.pdf")
    public Response download(@RestPath String policyId, @RestQuery String token) {
        Site site = new Site(config.insurerName());
        PolicyDocument document = documents.document(policyId, token);
        if (document instanceof PolicyDocument.Pdf pdf) {
            return Response.ok(pdf.content(), "application/pdf")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + pdf.fileName() + "\"")
                    .build();
        }
        if (document instanceof PolicyDocument.Refused refused) {
            return Pages.html(Response.Status.FORBIDDEN, Pages.linkRefused(site, refused.expired()));
        }
        return ErrorPages.notFound(site);
    }
}
