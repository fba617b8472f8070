package com.example.crm.segmentation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
     * The client a fact of {@code :client} belongs to: the survivor when {@code :client} was merged away. Facts are read
     * by other consumers than the cards (another topic), so an order of a merged client may arrive after its merge.
     */
    private static final String FACT_OWNER =
            "coalesce((select p.merged_into from client_profile p where p.client_id = :client), :client)";

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

    /** A contact; the latest one's outcome is kept (a late, older contact does not replace it). */
    public void contact(UUID clientId, Instant occurredAt, String outcome) {
        em.createNativeQuery("""
                        insert into contact_fact (client_id, contacts, last_contact_at, last_outcome)
                        values (%s, 1, :at, cast(:outcome as text))
                        on conflict (client_id) do update set contacts = contact_fact.contacts + 1,
                          last_outcome = case when contact_fact.last_contact_at is null
                                                   or excluded.last_contact_at >= contact_fact.last_contact_at
                                              then coalesce(excluded.last_outcome, contact_fact.last_outcome)
                                              else contact_fact.last_outcome end,
                          last_contact_at = greatest(contact_fact.last_contact_at, excluded.last_contact_at)""".formatted(FACT_OWNER))
                .setParameter("at", occurredAt).setParameter("outcome", outcome).setParameter("client", clientId)
                .executeUpdate();
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

    public void order(UUID orderId, UUID clientId, Instant orderedAt, BigDecimal amount, String currency) {
        em.createNativeQuery("""
                        insert into order_fact (order_id, client_id, ordered_at, amount, currency)
                        values (:order, %s, :at, :amount, :currency) on conflict (order_id) do nothing""".formatted(FACT_OWNER))
                .setParameter("order", orderId).setParameter("client", clientId).setParameter("at", orderedAt)
                .setParameter("amount", amount).setParameter("currency", currency).executeUpdate();
    }

    public void cancelOrder(UUID orderId) {
        em.createNativeQuery("update order_fact set cancelled = true where order_id = :order")
                .setParameter("order", orderId).executeUpdate();
    }

    public void overdue(UUID instalmentId, UUID clientId, BigDecimal outstanding, String currency) {
        em.createNativeQuery("""
                        insert into overdue_instalment (instalment_id, client_id, outstanding, currency)
                        values (:id, %s, :outstanding, :currency)
                        on conflict (instalment_id) do update set outstanding = excluded.outstanding""".formatted(FACT_OWNER))
                .setParameter("id", instalmentId).setParameter("client", clientId).setParameter("outstanding", outstanding)
                .setParameter("currency", currency).executeUpdate();
    }

    /** A payment settled part of an instalment: what is overdue of it shrinks. */
    public void paid(UUID instalmentId, BigDecimal amount) {
        em.createNativeQuery("update overdue_instalment set outstanding = greatest(outstanding - :amount, 0) "
                + "where instalment_id = :id").setParameter("amount", amount).setParameter("id", instalmentId).executeUpdate();
    }

    public void missedVisit(UUID planId, UUID clientId, LocalDate plannedOn) {
        em.createNativeQuery("insert into missed_visit (plan_id, client_id, planned_on) values (:plan, " + FACT_OWNER + ", :on) "
                        + "on conflict (plan_id) do nothing")
                .setParameter("plan", planId).setParameter("client", clientId).setParameter("on", plannedOn).executeUpdate();
    }

    public void complaintReceived(UUID complaintId, UUID clientId, Instant receivedAt) {
        em.createNativeQuery("""
                        insert into complaint_fact (complaint_id, client_id, received_at, open)
                        values (:id, %s, :at, true) on conflict (complaint_id) do nothing""".formatted(FACT_OWNER))
                .setParameter("id", complaintId).setParameter("client", clientId).setParameter("at", receivedAt)
                .executeUpdate();
    }

    public void complaintOpen(UUID complaintId, boolean open) {
        em.createNativeQuery("update complaint_fact set open = :open where complaint_id = :id")
                .setParameter("open", open).setParameter("id", complaintId).executeUpdate();
    }

    public void complaintCompensation(UUID complaintId, BigDecimal amount, String currency) {
        em.createNativeQuery("update complaint_fact set compensation = :amount, compensation_currency = :currency "
                        + "where complaint_id = :id")
                .setParameter("amount", amount).setParameter("currency", currency).setParameter("id", complaintId)
                .executeUpdate();
    }

    public void complaintBreached(UUID complaintId) {
        em.createNativeQuery("update complaint_fact set breached = true where complaint_id = :id")
                .setParameter("id", complaintId).executeUpdate();
    }

    public void survey(UUID complaintId, int score, int gap) {
        em.createNativeQuery("update complaint_fact set survey_score = :score, survey_gap = :gap where complaint_id = :id")
                .setParameter("score", score).setParameter("gap", gap).setParameter("id", complaintId).executeUpdate();
    }
}
