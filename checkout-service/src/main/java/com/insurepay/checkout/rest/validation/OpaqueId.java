package com.insurepay.checkout.rest.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A required id of the caller's (user, quote, policy): opaque to us but bounded and printable, so it is safe in
 * table keys, logs and Stripe metadata.
 */
@NotBlank
@Size(max = 128)
@Pattern(regexp = "[A-Za-z0-9._:@\\-]+")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface OpaqueId {
    String message() default "must be 1 to 128 letters, digits or . _ : @ - characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
