package com.example.crm.client.card.application;

/**
 * Whether an owner may hold one more card: the ownership caps of the owner and their department. The ownership
 * feature answers it; the card does not know how caps are set or counted.
 */
public interface OwnerCapacity {

    /** Refuses (a domain exception naming the cap) when {@code owner} or {@code department} holds as many as allowed. */
    void requireRoomForNewCard(String owner, String department, boolean existingClient);
}
