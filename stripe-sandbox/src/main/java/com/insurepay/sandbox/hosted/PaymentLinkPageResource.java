package com.insurepay.sandbox.hosted;

import com.insurepay.sandbox.api.ApiResponder;
import com.insurepay.sandbox.service.PaymentLinkService;
import com.insurepay.sandbox.service.PaymentLinkService.LinkVisit;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** A payment link's {@code url}: starts a Checkout Session for the link and sends the browser there. */
@Path("/b/{id}")
@Produces(MediaType.TEXT_HTML)
public class PaymentLinkPageResource {

    @Inject
    PaymentLinkService links;
    @Inject
    ApiResponder responder;

    @GET
    public Response open(@PathParam("id") String id, @QueryParam("client_reference_id") String clientReferenceId, @Context UriInfo uri) {
        LinkVisit visit = links.startSession(id, clientReferenceId, responder.publicBaseUrl(uri));
        if (visit.session() != null) {
            return Response.seeOther(URI.create(visit.session().url())).build();
        }
        return Response.status(visit.link() == null ? 404 : 200)
                .entity(Pages.notice(new Pages.NoticeView("This link is no longer active", visit.inactiveMessage(), null, null)))
                .build();
    }
}
