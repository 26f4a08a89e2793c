package com.insurepay.dynamodb.sandbox.value;

import com.insurepay.dynamodb.sandbox.protocol.DynamoDbException;
import java.math.BigDecimal;

/** DynamoDB's number rules: up to 38 significant digits, magnitudes from 1E-130 to below 1E+126, exact arithmetic. */
public final class Numbers {

    public static final int MAX_DIGITS = 38;

    private Numbers() {
    }

    /** Parses and validates a number as it comes on the wire. */
    public static BigDecimal parse(String text) {
        BigDecimal value;
        try {
            if (text.isEmpty() || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DynamoDbException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return check(value);
    }

    /** Validates a number's precision and magnitude (after arithmetic too). */
    public static BigDecimal check(BigDecimal value) {
        BigDecimal v = normalize(value);
        if (v.signum() == 0) {
            return v;
        }
        if (v.precision() > MAX_DIGITS) {
            throw DynamoDbException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        int exponent = v.precision() - v.scale() - 1;
        if (exponent >= 126) {
            throw DynamoDbException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < -130) {
            throw DynamoDbException
                    .validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return v;
    }

    public static BigDecimal normalize(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return check(a.add(b));
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return check(a.subtract(b));
    }

    /** Size in bytes as DynamoDB counts it: one byte per two significant digits, plus one. */
    public static int size(BigDecimal value) {
        BigDecimal v = normalize(value);
        int digits = v.signum() == 0 ? 1 : v.precision();
        return (digits + 1) / 2 + 1;
    }
}
