package com.example.crm.platform.security;

import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.scope.Organisation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Optional;

/** The authenticated caller of the current request. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final String departmentClaim;
    private final Organisation organisation;
    private Optional<Organisation.Placement> placement;

    public CurrentUser(SecurityIdentity identity, PlatformConfig config, Organisation organisation) {
        this.identity = identity;
        this.departmentClaim = config.security().departmentClaim();
        this.organisation = organisation;
    }

    /** The JWT subject: the user id recorded as actor, owner or staff. */
    public String id() {
        return identity.getPrincipal().getName();
    }

    /**
     * The caller's department: where the organisation places them, else their token's department claim
     * ({@code crm.security.department-claim}), if any. Read once per request, so moving a user takes effect with
     * their next request.
     */
    public String department() {
        return placement().map(Organisation.Placement::departmentId).orElseGet(this::claimedDepartment);
    }

    /** Whether the organisation names the caller the manager of their department. */
    public boolean managesDepartment() {
        return placement().map(Organisation.Placement::manager).orElse(false);
    }

    private Optional<Organisation.Placement> placement() {
        if (placement == null) {
            placement = identity.isAnonymous() ? Optional.empty() : organisation.placementOf(id());
        }
        return placement;
    }

    private String claimedDepartment() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(departmentClaim);
            String value = claim == null ? null : claim.toString().replace("\"", "").strip();
            return value == null || value.isEmpty() ? null : value;
        }
        return null;
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /** Managers and admins act on any record; other roles only on what they own. */
    public boolean isSupervisor() {
        return hasAnyRole(Roles.ADMIN, Roles.MANAGER);
    }

    /** Passes when the caller is a manager or admin, or is {@code ownerId}; refused (AccessDenied) otherwise. */
    public void requireOwnerOrSupervisor(String ownerId, String what) {
        if (!isSupervisor() && !id().equals(ownerId)) {
            throw new DomainException.AccessDenied("only the owner of " + what + ", a manager or an admin may change it");
        }
    }

    /**
     * Passes when {@code who} is the caller, or the caller is a manager or admin or has one of {@code readers}
     * (e.g. auditors); refused (AccessDenied) otherwise. For lists that belong to a rep: to-do, agenda, collection list.
     */
    public void requireSelfOrReader(String who, String what, String... readers) {
        if (!id().equals(who) && !isSupervisor() && !hasAnyRole(readers)) {
            throw new DomainException.AccessDenied("a sales rep sees their own " + what);
        }
    }
}
