package com.example.crm.client.card.persistence;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.CreditRating;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.card.domain.RelationshipLevel;
import com.example.crm.client.card.domain.SegmentFields;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    /** Filters of the client list; {@code null} means "any". {@code name} matches a substring of either name. */
    public record Filter(String name, LifecycleStatus status, String ownerId, Boolean stale, String industry,
                         String province, String city, String tag, CreditRating creditRating,
                         RelationshipLevel relationshipLevel, SegmentFields.AbcClass abcClass) {

        public static Filter byOwner(String ownerId) {
            return new Filter(null, null, ownerId, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * The clients a caller reads: every one ({@code all}), or those they own, whose owner sits in one of
     * {@code departments}, that sit in one of {@code pools} without an owner, or whose team they are on
     * ({@code teamClients}), and with {@code unplacedOwners} those whose owner's department is not known.
     */
    public record ReadScope(boolean all, String userId, Set<String> departments, Set<UUID> pools,
                            boolean unplacedOwners, Set<UUID> teamClients) {

        public static final ReadScope EVERYTHING = new ReadScope(true, null, Set.of(), Set.of(), true, Set.of());
    }

    /** Keyset position: the last item of the previous page (newest first). */
    public record After(Instant createdAt, UUID id) {
    }

    public Optional<Client> findByCreditCode(String code) {
        return find("unifiedSocialCreditCode", code).firstResultOptional();
    }

    public List<String> existingCreditCodes(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery(
                        "select c.unifiedSocialCreditCode from Client c where c.unifiedSocialCreditCode in :codes", String.class)
                .setParameter("codes", codes).getResultList();
    }

    /** The cards merged into this one (each a deleted duplicate pointing at it). */
    public List<Client> mergedInto(UUID survivorId) {
        return list("mergedInto", survivorId);
    }

    public List<Client> ownedBy(String ownerId) {
        return list("ownerId = ?1 and deletedAt is null", Sort.ascending("createdAt", "id"), ownerId);
    }

    /**
     * One page of live clients, newest first, at most {@code limit} rows. Names match by case-insensitive
     * substring (a trigram index serves it, Chinese included); LIKE wildcards in the input are taken literally.
     */
    public List<Client> page(Filter filter, ReadScope scope, After after, int limit, Instant now) {
        StringBuilder where = new StringBuilder("deletedAt is null");
        Parameters params = new Parameters();
        if (!scope.all()) {
            // every arm an index serves (owner, department, pool, the team's client ids, unplaced owners), so the
            // planner may combine them or walk the creation order, whichever reads less (deploy/local/bench scope)
            where.append(" and (ownerId = :me");
            params.and("me", scope.userId());
            if (!scope.teamClients().isEmpty()) {
                where.append(" or id in :teamClients");
                params.and("teamClients", scope.teamClients());
            }
            if (!scope.departments().isEmpty()) {
                where.append(" or ownerDepartment in :departments");
                params.and("departments", scope.departments());
            }
            if (scope.unplacedOwners()) {
                where.append(" or (ownerId is not null and ownerDepartment is null)");
            }
            if (!scope.pools().isEmpty()) {
                where.append(" or (ownerId is null and poolId in :pools)");
                params.and("pools", scope.pools());
            }
            where.append(")");
        }
        if (filter.name() != null) {
            where.append(" and (legalName ilike :name escape '\\' or shortName ilike :name escape '\\')");
            params.and("name", "%" + filter.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        condition(where, params, "status", filter.status());
        condition(where, params, "ownerId", filter.ownerId());
        condition(where, params, "industry", filter.industry());
        condition(where, params, "address.province", filter.province());
        condition(where, params, "address.city", filter.city());
        condition(where, params, "finance.creditRating", filter.creditRating());
        condition(where, params, "relationshipLevel", filter.relationshipLevel());
        condition(where, params, "abcClass", filter.abcClass());
        if (filter.tag() != null) {
            where.append(" and function('jsonb_exists', tags, :tag) = true");
            params.and("tag", filter.tag());
        }
        if (filter.stale() != null) {
            where.append(filter.stale() ? " and reviewDueAt <= :now" : " and reviewDueAt > :now");
            params.and("now", now);
        }
        if (after != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.and("at", after.createdAt()).and("id", after.id());
        }
        return find(where.toString(), Sort.descending("createdAt", "id"), params).range(0, limit - 1).list();
    }

    /** Clients sitting in the pool (no owner), latest entries first, keyset {@code after} (entry time, id). */
    public List<Client> inPool(UUID poolId, After after, int limit) {
        if (after == null) {
            return find("poolId = ?1 and ownerId is null and deletedAt is null",
                    Sort.descending("poolEnteredAt", "id"), poolId).range(0, limit - 1).list();
        }
        return find("poolId = ?1 and ownerId is null and deletedAt is null"
                        + " and (poolEnteredAt < ?2 or (poolEnteredAt = ?2 and id < ?3))",
                Sort.descending("poolEnteredAt", "id"), poolId, after.createdAt(), after.id()).range(0, limit - 1).list();
    }

    /** The clients {@code ownerId} owns are owned from {@code departmentId} from now on (the owner moved). */
    public void ownerMoved(String ownerId, String departmentId) {
        update("ownerDepartment = ?1 where ownerId = ?2 and (ownerDepartment is null or ownerDepartment <> ?1)",
                departmentId, ownerId);
    }

    public long countInPool(UUID poolId) {
        return count("poolId = ?1 and ownerId is null and deletedAt is null", poolId);
    }

    private static void condition(StringBuilder where, Parameters params, String field, Object value) {
        if (value != null) {
            String name = field.replace('.', '_');
            where.append(" and ").append(field).append(" = :").append(name);
            params.and(name, value);
        }
    }
}
