package com.insurepay.checkout.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.insurepay.checkout.rest.ApiViews.ProblemView;
import com.insurepay.checkout.service.CheckoutProblem;
import com.insurepay.checkout.stripe.PaymentProviderException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import software.amazon.awssdk.core.exception.SdkException;

/** Every error leaves as one RFC 9457 problem body (docs/checkout-api.md); internals are logged, never returned. */
public class ProblemMappers {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(CheckoutProblem p) {
        return respond(new ProblemView(p.status(), title(p.status()), p.code(), p.detail(), p.field(), p.paymentId(),
                p.paymentStatus()));
    }

    @ServerExceptionMapper
    public Response provider(PaymentProviderException e) {
        int status = e.unavailable() ? 503 : 502;
        return respond(new ProblemView(status, title(status),
                e.unavailable() ? "payment_provider_unavailable" : "payment_provider_error", e.getMessage(), null, null, null));
    }

    @ServerExceptionMapper
    public Response storage(SdkException e) {
        LOG.errorf("DynamoDB call failed: %s", e.getMessage());
        CheckoutProblem p = CheckoutProblem.storageUnavailable();
        return respond(new ProblemView(503, title(503), p.code(), p.detail(), null, null, null));
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : null;
        String detail = field == null ? "The request body is not valid JSON." : field + " has the wrong type or format.";
        return respond(new ProblemView(400, title(400), "validation_error", detail, field, null, null));
    }

    // Quarkus REST maps these Jackson exceptions itself; the more specific types make ours the ones chosen.
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return badJson(e);
    }

    /**
     * A Bean Validation constraint of a request body failed (ApiRequests): the first violation, by field name, as
     * {@code validation_error} naming the field in the caller's snake_case words.
     */
    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElse(null);
        if (first == null) {
            return respond(new ProblemView(400, title(400), "validation_error", "The request is not valid.", null, null, null));
        }
        String field = null;
        for (Path.Node node : first.getPropertyPath()) {
            field = node.getName();
        }
        field = field == null ? null : field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        return respond(new ProblemView(400, title(400), "validation_error", field + " " + first.getMessage() + ".", field, null, null));
    }

    @ServerExceptionMapper
    public Response parse(com.fasterxml.jackson.core.JsonParseException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        String detail = status == 404 ? "No such resource." : status == 415 ? "Send the body as application/json."
                : status == 405 ? "This method is not allowed here." : "The request could not be processed.";
        return respond(new ProblemView(status, title(status), status == 404 ? "not_found" : status < 500 ? "bad_request" : "internal_error",
                detail, null, null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return respond(new ProblemView(500, title(500), "internal_error",
                "Something went wrong on our side; please try again.", null, null, null));
    }

    private static Response respond(ProblemView view) {
        return Response.status(view.status()).type(PROBLEM_JSON).entity(view).build();
    }

    static String title(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? "Error" : s.getReasonPhrase();
    }
}
