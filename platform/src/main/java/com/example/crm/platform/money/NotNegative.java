package com.example.crm.platform.money;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@link Money} amount of zero or more. */
@Documented
@Constraint(validatedBy = NotNegative.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotNegative {
    String message() default "must not be negative";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotNegative, Money> {
        @Override
        public boolean isValid(Money value, ConstraintValidatorContext context) {
            return value == null || value.amount() == null || !value.amount().startsWith("-");
        }
    }
}
