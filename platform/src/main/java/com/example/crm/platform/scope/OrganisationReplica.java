package com.example.crm.platform.scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * A service's replica of client-service's organisation and teams (platform migration 0.5's tables), applied from
 * the organisation's and the teams' events in the consumer's transaction. Each event carries the whole new state of
 * what it reports: a department or a placement is replaced when its version is newer than the one held (a replay
 * changes nothing), a team is replaced whole.
 */
@ApplicationScoped
public class OrganisationReplica {

    private static final String SAVE_DEPARTMENT = """
            insert into department (id, name, parent_id, closed_at, version, created_at, updated_at)
            values (?1, ?2, cast(?3 as text), case when cast(?4 as boolean) then cast(?5 as timestamptz) end, ?6,
                    cast(?5 as timestamptz), cast(?5 as timestamptz))
            on conflict (id) do update set name = excluded.name, parent_id = excluded.parent_id,
                closed_at = coalesce(department.closed_at, excluded.closed_at), version = excluded.version,
                updated_at = excluded.updated_at
            where department.version < excluded.version""";
    private static final String PLACE_MEMBER = """
            insert into org_member (user_id, department_id, manager, version, updated_at)
            values (?1, ?2, cast(?3 as boolean), ?4, cast(?5 as timestamptz))
            on conflict (user_id) do update set department_id = excluded.department_id, manager = excluded.manager,
                version = excluded.version, updated_at = excluded.updated_at
            where org_member.version < excluded.version""";

    private final EntityManager em;
    private final Organisation organisation;
    private final List<OwnerDepartments> owners;

    public OrganisationReplica(EntityManager em, Organisation organisation, Instance<OwnerDepartments> owners) {
        this.em = em;
        this.organisation = organisation;
        this.owners = owners.stream().toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OrganisationChange change) {
        if (change instanceof OrganisationChange.DepartmentSaved d) {
            int changed = em.createNativeQuery(SAVE_DEPARTMENT).setParameter(1, d.departmentId())
                    .setParameter(2, d.name()).setParameter(3, d.parentId()).setParameter(4, d.closed())
                    .setParameter(5, d.changedAt()).setParameter(6, d.version()).executeUpdate();
            if (changed > 0) {
                organisation.rebuildClosure();
            }
        } else if (change instanceof OrganisationChange.MemberPlaced m) {
            int changed = em.createNativeQuery(PLACE_MEMBER).setParameter(1, m.userId())
                    .setParameter(2, m.departmentId()).setParameter(3, m.manager()).setParameter(4, m.version())
                    .setParameter(5, m.placedAt()).executeUpdate();
            if (changed > 0) {
                owners.forEach(o -> o.ownerMoved(m.userId(), m.departmentId()));
            }
        } else if (change instanceof OrganisationChange.TeamReplaced t) {
            em.createNativeQuery("delete from client_team_member where client_id = ?1")
                    .setParameter(1, t.clientId()).executeUpdate();
            t.members().forEach((user, access) -> em.createNativeQuery(
                            "insert into client_team_member (client_id, user_id, access) values (?1, ?2, ?3)")
                    .setParameter(1, t.clientId()).setParameter(2, user).setParameter(3, access).executeUpdate());
        }
    }
}
