package com.insurepay.dynamodb.sandbox.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * An error answered the way DynamoDB answers it: HTTP status, {@code __type} and {@code message}, sometimes more
 * fields (cancellation reasons, the item that failed a condition). The AWS SDK maps {@code __type} to its exception
 * classes, so these must be exact.
 */
public final class DynamoDbException extends RuntimeException {

    private static final String API = "com.amazonaws.dynamodb.v20120810#";
    private static final String CORAL_VALIDATE = "com.amazon.coral.validate#";
    private static final String CORAL_SERVICE = "com.amazon.coral.service#";

    private final int status;
    private final String type;
    private final transient Consumer<ObjectNode> extra;

    public DynamoDbException(int status, String type, String message, Consumer<ObjectNode> extra) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.extra = extra;
    }

    public static DynamoDbException validation(String message) {
        return new DynamoDbException(400, CORAL_VALIDATE + "ValidationException", message, null);
    }

    public static DynamoDbException resourceNotFound(String message) {
        return new DynamoDbException(400, API + "ResourceNotFoundException", message, null);
    }

    public static DynamoDbException resourceInUse(String message) {
        return new DynamoDbException(400, API + "ResourceInUseException", message, null);
    }

    public static DynamoDbException conditionalCheckFailed(Consumer<ObjectNode> extra) {
        return new DynamoDbException(400, API + "ConditionalCheckFailedException", "The conditional request failed", extra);
    }

    public static DynamoDbException transactionCanceled(String message, Consumer<ObjectNode> extra) {
        return new DynamoDbException(400, API + "TransactionCanceledException", message, extra);
    }

    public static DynamoDbException idempotentParameterMismatch(String message) {
        return new DynamoDbException(400, API + "IdempotentParameterMismatchException", message, null);
    }

    public static DynamoDbException limitExceeded(String message) {
        return new DynamoDbException(400, API + "LimitExceededException", message, null);
    }

    public static DynamoDbException serialization(String message) {
        return new DynamoDbException(400, CORAL_SERVICE + "SerializationException", message, null);
    }

    public static DynamoDbException unknownOperation(String message) {
        return new DynamoDbException(400, CORAL_SERVICE + "UnknownOperationException", message, null);
    }

    public static DynamoDbException internal(String message) {
        return new DynamoDbException(500, API + "InternalServerError", message, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The short name, e.g. {@code ValidationException}. */
    public String shortType() {
        return type.substring(type.indexOf('#') + 1);
    }

    public void writeTo(ObjectNode body) {
        body.put("__type", type);
        // DynamoDB spells it "Message" for transaction cancellations and "message" otherwise; the SDK reads both.
        body.put(shortType().equals("TransactionCanceledException") ? "Message" : "message", getMessage());
        if (extra != null) {
            extra.accept(body);
        }
    }
}
