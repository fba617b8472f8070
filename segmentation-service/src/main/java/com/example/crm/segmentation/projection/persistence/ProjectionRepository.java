package com.example.crm.segmentation.projection.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes of the per-client projection. Set-based SQL with {@code on conflict} keeps each write idempotent and cheap
 * (ingestion must keep up with bursts); the event ids are checked by the inbox in the same transaction.
 */
@ApplicationScoped
public class ProjectionRepository {

    private final EntityManager em;

    public ProjectionRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Card facts of a registered client; a repeat changes nothing. A row a merge created before this registration
     * was read (version -1) gets the card's facts and stays merged.
     */
    public void register(UUID clientId, long version, String legalName, String status, String ownerId, String industry,
                         String province, String city, String tagsJson, String relationshipLevel, Instant at) {
        em.createNativeQuery("""
                        insert into client_profile (client_id, card_version, legal_name, status, owner_id, industry,
                          province, city, tags, relationship_level, updated_at)
                        values (:id, :version, :name, :status, :owner, :industry, :province, :city, cast(:tags as jsonb),
                          :level, :at)
                        on conflict (client_id) do update set card_version = excluded.card_version,
                          legal_name = excluded.legal_name, status = excluded.status, owner_id = excluded.owner_id,
                          industry = excluded.industry, province = excluded.province, city = excluded.city,
                          tags = excluded.tags, relationship_level = excluded.relationship_level
                        where client_profile.card_version < 0""")
                .setParameter("id", clientId).setParameter("version", version).setParameter("name", legalName)
                .setParameter("status", status).setParameter("owner", ownerId).setParameter("industry", industry)
                .setParameter("province", province).setParameter("city", city).setParameter("tags", tagsJson)
                .setParameter("level", relationshipLevel).setParameter("at", at).executeUpdate();
    }

    /** The card version held, or -1 when the client is not known here. */
    public long cardVersion(UUID clientId) {
        var rows = em.createNativeQuery("select card_version from client_profile where client_id = :id")
                .setParameter("id", clientId).getResultList();
        return rows.isEmpty() ? -1 : ((Number) rows.get(0)).longValue();
    }

    /** Sets one card column (from a fixed list, never from input) and the version. */
    public void setCard(UUID clientId, long version, CardColumn column, Object value, Instant at) {
        String cast = column == CardColumn.TAGS ? "cast(:value as jsonb)" : ":value";
        em.createNativeQuery("update client_profile set " + column.column + " = " + cast
                        + ", card_version = :version, updated_at = :at where client_id = :id")
                .setParameter("value", value).setParameter("version", version).setParameter("at", at)
                .setParameter("id", clientId).executeUpdate();
    }

    public void setVersion(UUID clientId, long version, Instant at) {
        em.createNativeQuery("update client_profile set card_version = :version, updated_at = :at where client_id = :id")
                .setParameter("version", version).setParameter("at", at).setParameter("id", clientId).executeUpdate();
    }

    /** The card columns an event may set. */
    public enum CardColumn {
        LEGAL_NAME("legal_name"), STATUS("status"), OWNER("owner_id"), INDUSTRY("industry"), PROVINCE("province"),
        CITY("city"), TAGS("tags"), RELATIONSHIP_LEVEL("relationship_level"), DELETED("deleted");

        final String column;

        CardColumn(String column) {
            this.column = column;
        }
    }

    /**
     * The merged-away client's facts become the survivor's. The merge is keyed by the survivor, so in a replay it may
     * be read before the merged client's registration (another partition): the merged row is then created here with
     * version -1 (no card read yet), and the later registration fills in its facts and leaves it merged.
     */
    public void merge(UUID survivor, UUID merged, Instant at) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('segmentation.client'), hashtext(:merged))")
                .setParameter("merged", merged.toString()).getSingleResult();
        em.createNativeQuery("""
                        insert into client_profile (client_id, card_version, status, merged_into, deleted, updated_at)
                        values (:merged, -1, 'POTENTIAL', :survivor, true, :at)
                        on conflict (client_id) do update set merged_into = excluded.merged_into, deleted = true,
                          updated_at = excluded.updated_at""")
                .setParameter("survivor", survivor).setParameter("merged", merged).setParameter("at", at)
                .executeUpdate();
        em.createNativeQuery("update client_profile set merged_into = :survivor where merged_into = :merged")
                .setParameter("survivor", survivor).setParameter("merged", merged).executeUpdate();
        for (String table : new String[]{"order_fact", "overdue_instalment", "complaint_fact", "missed_visit"}) {
            em.createNativeQuery("update " + table + " set client_id = :survivor where client_id = :merged")
                    .setParameter("survivor", survivor).setParameter("merged", merged).executeUpdate();
        }
em.createNativeQuery("""
                        insert into contact_fact (client_id, contacts, last_contact_at, last_outcome)
                        select :survivor, contacts, last_contact_at, last_outcome from contact_fact where client_id = :merged
                        on conflict (client_id) do update set contacts = contact_fact.contacts + excluded.contacts,
                          last_outcome = case when excluded.last_contact_at > contact_fact.last_contact_at
                                              then excluded.last_outcome else contact_fact.last_outcome end,
                          last_contact_at = greatest(contact_fact.last_contact_at, excluded.last_contact_at)""")
                .setParameter("survivor", survivor).setParameter("merged", merged).executeUpdate();
        em.createNativeQuery("delete from contact_fact where client_id = :merged").setParameter("merged", merged)
                .executeUpdate();
    }

    /** Shared locks on these clients (subjects of events; sorted, so two batches never wait on each other in a cycle). */
    public void lockClientsShared(List<String> clientIds) {
        em.createNativeQuery("""
                        select count(pg_advisory_xact_lock_shared(hashtext('segmentation.client'), hashtext(id)))
                        from (select distinct id from unnest(cast(:ids as text[])) id order by id) ids""")
                .setParameter("ids", clientIds.toArray(String[]::new)).getSingleResult();
    }

    /** Erasure: the name goes; figures stay. */
    public void erase(UUID clientId, Instant at) {
        em.createNativeQuery("update client_profile set legal_name = null, erased = true, updated_at = :at "
                + "where client_id = :id").setParameter("at", at).setParameter("id", clientId).executeUpdate();
    }

    /** A status change; termination is dated (retention counts lost clients by month). */
    public void status(UUID clientId, long version, String status, Instant at) {
        em.createNativeQuery("""
                        update client_profile set status = :status, card_version = :version, updated_at = :at,
                          terminated_at = case when :status = 'TERMINATED' then cast(:at as timestamptz) end
                        where client_id = :id""")
                .setParameter("status", status).setParameter("version", version).setParameter("at", at)
                .setParameter("id", clientId).executeUpdate();
    }
}
