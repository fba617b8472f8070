package com.example.crm.interaction.clients.persistence;

import com.example.crm.interaction.clients.domain.KnownClient;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.example.crm.platform.persistence.NativeValues.date;
import static com.example.crm.platform.persistence.NativeValues.instant;

@ApplicationScoped
public class KnownClientRepository implements PanacheRepositoryBase<KnownClient, UUID> {

    /** Keyset position in the to-do list. */
    public record After(LocalDate nextContactOn, UUID id) {
    }

    /** Clients of {@code owner} due for contact on or before {@code date}, most overdue first. */
    public List<KnownClient> dueForContact(String owner, LocalDate date, After after, int limit) {
        String where = "ownerId = :owner and nextContactOn <= :date and deleted = false and mergedInto is null";
        Parameters params = Parameters.with("owner", owner).and("date", date);
        if (after != null) {
            where += " and (nextContactOn > :at or (nextContactOn = :at and id > :id))";
            params.and("at", after.nextContactOn()).and("id", after.id());
        }
        return find(where, Sort.ascending("nextContactOn", "id"), params).range(0, limit - 1).list();
    }

    /** A prospect to develop: visits so far, the latest one and the next planned visit day. */
    public record Prospect(UUID clientId, String legalName, String status, long visits, Instant lastVisitAt,
                           LocalDate nextPlannedOn) {
    }

    /** Keyset position in the prospect list (by name, then id). */
    public record ProspectAfter(String legalName, UUID id) {
    }

    /** {@code owner}'s potential and intended clients with their visit counts, by name. */
    public List<Prospect> prospects(String owner, ProspectAfter after, int limit) {
        String sql = """
                select c.id, c.legal_name, c.status,
                       (select count(*) from interaction i where i.client_id = c.id and i.kind = 'VISIT'),
                       (select max(i.occurred_at) from interaction i where i.client_id = c.id and i.kind = 'VISIT'),
                       (select min(p.planned_on) from visit_plan p where p.client_id = c.id and p.status = 'PLANNED')
                from known_client c
                where c.owner_id = :owner and c.status in ('POTENTIAL', 'INTENDED')
                  and not c.deleted and c.merged_into is null and c.erased_at is null
                """ + (after == null ? "" : " and (c.legal_name, c.id) > (:name, :id)") + " order by c.legal_name, c.id limit :limit";
        var query = getEntityManager().createNativeQuery(sql).setParameter("owner", owner).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("name", after.legalName()).setParameter("id", after.id());
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Prospect((UUID) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), instant(r[4]), date(r[5]))).toList();
    }

    /** Visits logged for one client. */
    public long visits(UUID clientId) {
        return ((Number) getEntityManager().createNativeQuery(
                "select count(*) from interaction where client_id = :client and kind = 'VISIT'")
                .setParameter("client", clientId).getSingleResult()).longValue();
    }
}
