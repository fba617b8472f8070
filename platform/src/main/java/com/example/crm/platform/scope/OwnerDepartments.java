package com.example.crm.platform.scope;

/**
 * Where a service keeps the department each client's owner works in (its client replica): a user placed in another
 * department takes the clients they own with them.
 */
public interface OwnerDepartments {

    void ownerMoved(String userId, String departmentId);
}
