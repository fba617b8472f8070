package com.example.crm.client.organisation.application;

/**
 * What follows a user to their new department: the clients they own are then owned from it, so that everyone whose
 * scope covers that department sees them at once. The card answers it; the organisation does not know the card.
 */
public interface PlacementFollowers {

    /** Records {@code departmentId} as the owner department of every client {@code userId} owns. */
    void ownerMoved(String userId, String departmentId);
}
