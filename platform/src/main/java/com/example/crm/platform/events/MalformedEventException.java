package com.example.crm.platform.events;

/** A record that is not a valid event of the suite: it goes to the dead-letter topic, never retried. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
