package com.example.crm.client.organisation.application;

import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.organisation.domain.Department;
import com.example.crm.client.organisation.domain.OrgMember;
import com.example.crm.client.organisation.domain.OrganisationHistoryEntry;
import com.example.crm.client.organisation.domain.OrganisationHistoryEntry.Change;
import com.example.crm.client.organisation.domain.OrganisationHistoryEntry.Kind;
import com.example.crm.client.organisation.persistence.DepartmentRepository;
import com.example.crm.client.organisation.persistence.OrgMemberRepository;
import com.example.crm.client.organisation.persistence.OrganisationHistoryRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.scope.Organisation;
import com.example.crm.platform.security.CurrentUser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The organisation's commands: departments opened, renamed, moved (never below themselves) and closed (only when
 * empty), and users placed in them. Each change is kept in the organisation's history and announced in the same
 * transaction; a move rebuilds the department closure the data scope reads, and placing a user moves the clients they
 * own with them (owner department), so every reader's view follows at once.
 */
@ApplicationScoped
public class OrganisationService {

    private final DepartmentRepository departments;
    private final OrgMemberRepository members;
    private final OrganisationHistoryRepository history;
    private final ClientHistory changes;
    private final Organisation organisation;
    private final OrganisationEvents events;
    private final PlacementFollowers followers;
    private final CurrentUser user;
    private final Clock clock;

    public OrganisationService(DepartmentRepository departments, OrgMemberRepository members,
                               OrganisationHistoryRepository history, ClientHistory changes, Organisation organisation,
                               OrganisationEvents events, PlacementFollowers followers, CurrentUser user, Clock clock) {
        this.departments = departments;
        this.members = members;
        this.history = history;
        this.changes = changes;
        this.organisation = organisation;
        this.events = events;
        this.followers = followers;
        this.user = user;
        this.clock = clock;
    }

    /** A placement as requested, and whether it placed the user for the first time. */
    public record Placed(OrgMember member, boolean created) {
    }

    @Transactional
    public Department open(String id, String name, String parentId) {
        if (departments.findByIdOptional(id).isPresent()) {
            throw new DomainException.Conflict("department " + id + " exists").with("departmentId", id);
        }
        Department d = Department.open(id, name, parentId == null ? null : parent(parentId), clock.instant());
        departments.persist(d);
        organisation.rebuildClosure();
        record(Kind.DEPARTMENT, id, Change.OPENED, changes.change("parentId", null, d.parentId));
        events.departmentChanged(d, Change.OPENED.name());
        return d;
    }

    /** Renames and/or moves a department (and everything below it) under {@code parentId} (null: to the top). */
    @Transactional
    public Department change(String id, ExpectedVersion expected, String name, String parentId) {
        Department d = get(id);
        expected.check(d.version);
        Instant now = clock.instant();
        if (!d.name.equals(name)) {
            ObjectNode renamed = changes.change("name", d.name, name);
            d.rename(name, now);
            departments.flush();
            record(Kind.DEPARTMENT, id, Change.RENAMED, renamed);
            events.departmentChanged(d, Change.RENAMED.name());
        }
        if (!Objects.equals(d.parentId, parentId)) {
            ObjectNode moved = changes.change("parentId", d.parentId, parentId);
            d.moveUnder(parentId == null ? null : parent(parentId), organisation.departmentAndBelow(id), now);
            departments.flush();
            organisation.rebuildClosure();
            record(Kind.DEPARTMENT, id, Change.MOVED, moved);
            events.departmentChanged(d, Change.MOVED.name());
        }
        return d;
    }

    @Transactional
    public Department close(String id, ExpectedVersion expected) {
        Department d = get(id);
        expected.check(d.version);
        d.close(members.countIn(id), departments.openChildren(id), clock.instant());
        departments.flush();
        record(Kind.DEPARTMENT, id, Change.CLOSED, changes.change("closed", false, true));
        events.departmentChanged(d, Change.CLOSED.name());
        return d;
    }

    /**
     * Places a user in a department, as its manager or not; {@code expected} (optional) is checked when the user is
     * placed already. The clients they own move with them.
     */
    @Transactional
    public Placed place(String userId, ExpectedVersion expected, String departmentId, boolean manager) {
        Department department = departments.findByIdOptional(departmentId).orElseThrow(() ->
                new DomainException.InvalidValue("departmentId", "names no department: " + departmentId));
        Instant now = clock.instant();
        OrgMember member = members.findByIdOptional(userId).orElse(null);
        String previous = member == null ? null : member.departmentId;
        ObjectNode placed = changes.change("departmentId", previous, departmentId);
        if (member == null) {
            member = OrgMember.placed(userId, department, manager, now);
            members.persist(member);
        } else {
            if (expected != null) {
                expected.check(member.version);
            }
            if (member.departmentId.equals(departmentId) && member.manager == manager) {
                return new Placed(member, false);
            }
            placed.setAll(changes.change("manager", member.manager, manager));
            member.placeIn(department, manager, now);
        }
        members.flush();
        if (!departmentId.equals(previous)) {
            followers.ownerMoved(userId, departmentId);
        }
        record(Kind.MEMBER, userId, Change.PLACED, placed);
        events.memberPlaced(member, previous);
        return new Placed(member, previous == null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Department get(String id) {
        return departments.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("department", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Department> departments(boolean withClosed) {
        return departments.all(withClosed);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgMember member(String userId) {
        return members.findByIdOptional(userId).orElseThrow(() -> new DomainException.NotFound("org member", userId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrgMember> membersOf(String departmentId) {
        get(departmentId);
        return members.in(departmentId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrganisationHistoryEntry> history(Kind kind, String subject, Long after, int limit) {
        if (kind == Kind.DEPARTMENT) {
            get(subject);
        } else {
            member(subject);
        }
        return history.page(kind, subject, after, limit + 1);
    }

    private Department parent(String parentId) {
        return departments.findByIdOptional(parentId).orElseThrow(() ->
                new DomainException.InvalidValue("parentId", "names no department: " + parentId));
    }

    private void record(Kind kind, String subject, Change action, ObjectNode change) {
        OrganisationHistoryEntry entry = new OrganisationHistoryEntry();
        entry.kind = kind;
        entry.subject = subject;
        entry.action = action;
        entry.at = clock.instant();
        entry.actor = user.id();
        entry.changes = change;
        history.persist(entry);
    }
}
