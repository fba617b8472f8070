package com.example.crm.interaction.timeline.persistence;

import com.example.crm.interaction.timeline.domain.Interaction;
import com.example.crm.interaction.timeline.domain.InteractionKind;
import com.example.crm.interaction.timeline.domain.Outcome;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    /** Filters of a timeline; {@code null} means "any"; the period is [from, to). */
    public record Filter(UUID clientId, String staffId, InteractionKind kind, Outcome outcome, Instant from, Instant to) {
    }

    /** Keyset position: the last item of the previous page (newest first). */
    public record After(Instant occurredAt, UUID id) {
    }

    public List<Interaction> page(Filter filter, After after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.clientId() != null) {
            where.append(" and clientId = :client");
            params.and("client", filter.clientId());
        }
        if (filter.staffId() != null) {
            where.append(" and staffId = :staff");
            params.and("staff", filter.staffId());
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.outcome() != null) {
            where.append(" and outcome = :outcome");
            params.and("outcome", filter.outcome());
        }
        if (filter.from() != null) {
            where.append(" and occurredAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and occurredAt < :to");
            params.and("to", filter.to());
        }
        if (after != null) {
            where.append(" and (occurredAt < :at or (occurredAt = :at and id < :id))");
            params.and("at", after.occurredAt()).and("id", after.id());
        }
        return find(where.toString(), Sort.descending("occurredAt", "id"), params).range(0, limit - 1).list();
    }

    /** The client's latest contacts, newest first (the pre-visit brief). */
    public List<Interaction> latest(UUID clientId, int count) {
        return find("clientId", Sort.descending("occurredAt", "id"), clientId).range(0, count - 1).list();
    }
}
