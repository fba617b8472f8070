package com.example.crm.platform.security;

import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.scope.DataScope;
import com.example.crm.platform.scope.Organisation;
import com.example.crm.platform.scope.Scope;
import jakarta.enterprise.context.RequestScoped;

import java.util.Set;

/**
 * The data scope of the current caller: the widest scope of their roles ({@code crm.scope.*}), at least their
 * department and everything below it when the organisation names them its manager, applied to the department the
 * organisation places them in (their token's claim when it does not). Computed once per request.
 */
@RequestScoped
public class CallerScope {

    private final CurrentUser user;
    private final Organisation organisation;
    private final PlatformConfig.Scope config;
    private Scope scope;

    public CallerScope(CurrentUser user, Organisation organisation, PlatformConfig config) {
        this.user = user;
        this.organisation = organisation;
        this.config = config.scope();
    }

    public Scope get() {
        if (scope == null) {
            scope = compute();
        }
        return scope;
    }

    /**
     * A list that belongs to a user (to-do, agenda, collection list): passes for the user themselves, and for a
     * manager, an admin or one of {@code readers} whose data scope covers the department the organisation places the
     * user in (any, for a user it places nowhere); refused (AccessDenied) otherwise.
     */
    public void requireSelfOrReaderInScope(String who, String what, String... readers) {
        user.requireSelfOrReader(who, what, readers);
        Scope s = get();
        // a user the organisation places nowhere works in no known department: managers read their lists, as before
        String department = who.equals(user.id()) || s.all() ? null : organisation.departmentOf(who, null);
        if (department != null && !s.departments().contains(department)) {
            throw new com.example.crm.platform.domain.DomainException.AccessDenied(who + " works outside your data scope");
        }
    }

    private Scope compute() {
        DataScope kind = DataScope.SELF;
        kind = widen(kind, Roles.SALES, config.sales());
        kind = widen(kind, Roles.MANAGER, config.manager());
        kind = widen(kind, Roles.ADMIN, config.admin());
        kind = widen(kind, Roles.AUDITOR, config.auditor());
        kind = widen(kind, Roles.INTEGRATION, config.integration());
        kind = widen(kind, Roles.SERVICE, config.service());
        if (user.managesDepartment()) {
            kind = kind.widest(DataScope.DEPARTMENT_AND_BELOW);
        }
        String department = user.department();
        // owners neither the organisation nor their token places: an installation without departments keeps working
        boolean unplaced = user.isSupervisor();
        return switch (kind) {
            case ALL -> Scope.everything(user.id());
            case SELF -> new Scope(false, user.id(), Set.of(), unplaced);
            case DEPARTMENT -> new Scope(false, user.id(), department == null ? Set.of() : Set.of(department), unplaced);
            case DEPARTMENT_AND_BELOW -> new Scope(false, user.id(),
                    department == null ? Set.of() : organisation.departmentAndBelow(department), unplaced);
        };
    }

    private DataScope widen(DataScope current, String role, DataScope ofRole) {
        return user.hasAnyRole(role) ? current.widest(ofRole) : current;
    }
}
