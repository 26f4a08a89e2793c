package com.insurepay.sandbox.api;

/** An error answered in Stripe's shape: {@code {"error": {type, code, param, message, ...}}}. */
public class StripeApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final String declineCode;

    public StripeApiException(int status, String type, String code, String param, String message) {
        this(status, type, code, param, null, message);
    }

    public StripeApiException(
            int status, String type, String code, String param, String declineCode, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.declineCode = declineCode;
    }

    public static StripeApiException invalid(String code, String param, String message) {
        return new StripeApiException(400, "invalid_request_error", code, param, message);
    }

    public static StripeApiException parameterUnknown(String param) {
        return invalid("parameter_unknown", param, "Received unknown parameter: " + param);
    }

    public static StripeApiException parameterMissing(String param) {
        return invalid("parameter_missing", param, "Missing required param: " + param + ".");
    }

    public static StripeApiException invalidInteger(String param, String value) {
        return invalid("parameter_invalid_integer", param, "Invalid integer: " + value);
    }

    public static StripeApiException invalidEnum(String param, String value, java.util.List<String> allowed) {
        String options = allowed.size() == 1
                ? allowed.get(0)
                : String.join(", ", allowed.subList(0, allowed.size() - 1)) + ", or " + allowed.get(allowed.size() - 1);
        return invalid(null, param, "Invalid " + param + ": must be one of " + options);
    }

    public static StripeApiException resourceMissing(String objectName, String param, String id) {
        return new StripeApiException(
                404, "invalid_request_error", "resource_missing", param, "No such " + objectName + ": '" + id + "'");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public String declineCode() {
        return declineCode;
    }
}
