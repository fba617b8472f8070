package com.example.crm.platform.security;

import com.example.crm.platform.api.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.Arrays;

/** The authenticated caller of the current request. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The JWT subject: the user id recorded as actor, owner or staff. */
    public String id() {
        return identity.getPrincipal().getName();
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /** Managers and admins act on any record; other roles only on what they own. */
    public boolean isSupervisor() {
        return hasAnyRole(Roles.ADMIN, Roles.MANAGER);
    }

    /** Passes when the caller is a manager or admin, or is {@code ownerId}; a 403 problem otherwise. */
    public void requireOwnerOrSupervisor(String ownerId, String what) {
        if (!isSupervisor() && !id().equals(ownerId)) {
            throw ProblemException.forbidden("only the owner of " + what + ", a manager or an admin may change it");
        }
    }

    /**
     * Passes when {@code who} is the caller, or the caller is a manager or admin or has one of {@code readers}
     * (e.g. auditors); a 403 problem otherwise. For lists that belong to a rep: to-do, agenda, collection list.
     */
    public void requireSelfOrReader(String who, String what, String... readers) {
        if (!id().equals(who) && !isSupervisor() && !hasAnyRole(readers)) {
            throw ProblemException.forbidden("a sales rep sees their own " + what);
        }
    }
}
