package com.example.crm.platform.scope;

import java.util.Set;

/**
 * The owners whose clients a caller reads: everyone ({@link #all}), or themselves and the owners placed in
 * {@code departments}, and with {@code unplacedOwners} (managers and admins) the owners whose department is not known.
 * Team membership and pool membership widen it per client; each service checks them where it keeps them.
 */
public record Scope(boolean all, String userId, Set<String> departments, boolean unplacedOwners) {

    public Scope {
        departments = Set.copyOf(departments);
    }

    public static Scope everything(String userId) {
        return new Scope(true, userId, Set.of(), true);
    }

    /** Whether a client owned by {@code ownerId}, whose owner sits in {@code ownerDepartment}, is in scope. */
    public boolean covers(String ownerId, String ownerDepartment) {
        return all || userId.equals(ownerId) || ownerDepartment != null && departments.contains(ownerDepartment)
                || unplacedOwners && ownerId != null && ownerDepartment == null;
    }

    /** Whether the caller owns it: the reason a card gives before any other. */
    public boolean owns(String ownerId) {
        return userId.equals(ownerId);
    }
}
