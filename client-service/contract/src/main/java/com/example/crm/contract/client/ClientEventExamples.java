package com.example.crm.contract.client;

import java.time.Instant;
import java.util.UUID;

/**
 * Valid events of {@code crm.client.v1} as client-service writes them (CloudEvents 1.0, structured JSON), for
 * consumers' tests and examples: a consumer that reads these reads the real ones.
 */
public final class ClientEventExamples {

    private ClientEventExamples() {
    }

    /** A company card registered at {@code at} for {@code owner}, at card version 0. */
    public static String registered(String clientId, String owner, String legalName, String status, Instant at) {
        return """
                {"specversion":"1.0","id":"%s","source":"/crm/client-service","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"clientId":"%s","version":0,"kind":"COMPANY","legalName":"%s","status":"%s","ownerId":"%s",
                         "tags":[],"registeredAt":"%s"}}"""
                .formatted(UUID.randomUUID(), ClientEventTypes.REGISTERED, clientId, at, clientId, legalName, status,
                        owner, at);
    }
}
