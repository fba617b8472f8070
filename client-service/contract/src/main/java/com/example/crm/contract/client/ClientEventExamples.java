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

    /** A company card registered for {@code owner}, who works in {@code ownerDepartment}, at card version 0. */
    public static String registered(String clientId, String owner, String ownerDepartment, String legalName,
                                    String status, Instant at) {
        return event(ClientEventTypes.REGISTERED, clientId, """
                {"clientId":"%s","version":0,"kind":"COMPANY","legalName":"%s","status":"%s","ownerId":"%s",
                 "ownerDepartment":"%s","tags":[],"registeredAt":"%s"}"""
                .formatted(clientId, legalName, status, owner, ownerDepartment, at), at);
    }

    /** A department opened at the top of the tree (organisation key). */
    public static String departmentOpened(String departmentId, String name, Instant at) {
        return event(ClientEventTypes.DEPARTMENT_CHANGED, OrganisationEvents.KEY.toString(), """
                {"departmentId":"%s","version":0,"name":"%s","parentId":null,"closed":false,"change":"OPENED",
                 "changedAt":"%s"}""".formatted(departmentId, name, at), at);
    }

    /** A user placed in a department, at placement version {@code version} (organisation key). */
    public static String memberPlaced(String userId, String departmentId, long version, Instant at) {
        return event(ClientEventTypes.MEMBER_PLACED, OrganisationEvents.KEY.toString(), """
                {"userId":"%s","version":%d,"departmentId":"%s","previousDepartmentId":null,"manager":false,
                 "placedAt":"%s"}""".formatted(userId, version, departmentId, at), at);
    }

    /** A client's team of one member with {@code access} (READ or EDIT). */
    public static String teamOfOne(String clientId, String userId, String access, Instant at) {
        return event(ClientEventTypes.TEAM_CHANGED, clientId, """
                {"clientId":"%s","version":0,"members":[{"userId":"%s","access":"%s"}],"changedAt":"%s"}"""
                .formatted(clientId, userId, access, at), at);
    }

    private static String event(String type, String subject, String data, Instant at) {
        return """
                {"specversion":"1.0","id":"%s","source":"/crm/client-service","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, subject, at, data);
    }
}
