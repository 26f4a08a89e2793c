package com.insurepay.gateway.client;

/**
 * checkout-service answered with a problem body (RFC 9457). Subclasses split caller errors (4xx: never retried,
 * never count against the circuit breaker) from server-side failures (5xx).
 */
public abstract class CheckoutProblemException extends CheckoutException {

    private final int status;
    private final Problem problem;

    protected CheckoutProblemException(int status, Problem problem) {
        super("checkout-service answered " + status + (problem.code() == null ? "" : " " + problem.code()), null);
        this.status = status;
        this.problem = problem;
    }

    public static CheckoutProblemException of(int status, Problem problem) {
        Problem body = problem == null ? new Problem(status, null, null, null, null, null, null) : problem;
        return status >= 500 ? new CheckoutFailedException(status, body) : new CheckoutRejectedException(status, body);
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    public String code() {
        return problem.code();
    }

    /** 4xx: the request itself was refused (validation, conflict, not found, auth). */
    public static class CheckoutRejectedException extends CheckoutProblemException {
        CheckoutRejectedException(int status, Problem problem) {
            super(status, problem);
        }
    }

    /** 5xx: checkout-service or one of its dependencies (Stripe, DynamoDB, SMTP) failed. */
    public static class CheckoutFailedException extends CheckoutProblemException {
        CheckoutFailedException(int status, Problem problem) {
            super(status, problem);
        }
    }
}
