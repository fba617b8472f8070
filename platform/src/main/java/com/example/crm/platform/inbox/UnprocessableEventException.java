package com.example.crm.platform.inbox;

/** Thrown from a consumer so that the record goes to the dead-letter topic with this message as reason. */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnprocessableEventException(String message) {
        super(message);
    }
}
