package com.insurepay.checkout.rest;

import com.insurepay.checkout.service.CallTrace;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Takes the MCP request id and conversation id of an /api call into {@link CallTrace}. */
@Provider
public class CallTraceFilter implements ContainerRequestFilter {

    @Inject
    CallTrace trace;

    @Override
    public void filter(ContainerRequestContext request) {
        trace.set(request.getHeaderString(CallTrace.REQUEST_ID_HEADER), request.getHeaderString(CallTrace.CONVERSATION_ID_HEADER));
    }
}
