package com.example.crm.segmentation.projection.persistence;

import com.example.crm.platform.persistence.BatchedStatements;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Writes of the projection's facts from {@code crm.interaction.v1} and {@code crm.complaint.v1}. Inserts of new facts
 * and the contact upsert commute with each other, so a poll's worth of them goes to PostgreSQL in JDBC batches;
 * updates of existing facts run in order after what was queued before them. Every write is idempotent on its key.
 */
@ApplicationScoped
public class FactRepository {

    /**
     * The client a fact belongs to (two parameters, both the client id): the survivor when the client was merged
     * away. Facts are read by other consumers than the cards, so an order of a merged client may arrive after its
     * merge.
     */
    private static final String FACT_OWNER =
            "coalesce((select p.merged_into from client_profile p where p.client_id = ?), ?)";

    private static final String CONTACT = """
            insert into contact_fact (client_id, contacts, last_contact_at, last_outcome)
            values (%s, 1, ?, cast(? as text))
            on conflict (client_id) do update set contacts = contact_fact.contacts + 1,
              last_outcome = case when contact_fact.last_contact_at is null
                                       or excluded.last_contact_at >= contact_fact.last_contact_at
                                  then coalesce(excluded.last_outcome, contact_fact.last_outcome)
                                  else contact_fact.last_outcome end,
              last_contact_at = greatest(contact_fact.last_contact_at, excluded.last_contact_at)""".formatted(FACT_OWNER);
    private static final String ORDER = """
            insert into order_fact (order_id, client_id, ordered_at, amount, currency)
            values (?, %s, ?, ?, ?) on conflict (order_id) do nothing""".formatted(FACT_OWNER);
    private static final String OVERDUE = """
            insert into overdue_instalment (instalment_id, client_id, outstanding, currency)
            values (?, %s, ?, ?)
            on conflict (instalment_id) do update set outstanding = excluded.outstanding""".formatted(FACT_OWNER);
    private static final String MISSED_VISIT = """
            insert into missed_visit (plan_id, client_id, planned_on) values (?, %s, ?)
            on conflict (plan_id) do nothing""".formatted(FACT_OWNER);
    private static final String COMPLAINT = """
            insert into complaint_fact (complaint_id, client_id, received_at, open)
            values (?, %s, ?, true) on conflict (complaint_id) do nothing""".formatted(FACT_OWNER);

    private final BatchedStatements statements;

    public FactRepository(BatchedStatements statements) {
        this.statements = statements;
    }

    /** A contact; the latest one's outcome is kept (a late, older contact does not replace it). */
    public void contact(UUID clientId, Instant occurredAt, String outcome) {
        statements.add(CONTACT, clientId, clientId, occurredAt, outcome);
    }

    public void order(UUID orderId, UUID clientId, Instant orderedAt, BigDecimal amount, String currency) {
        statements.add(ORDER, orderId, clientId, clientId, orderedAt, amount, currency);
    }

    public void cancelOrder(UUID orderId) {
        statements.now("update order_fact set cancelled = true where order_id = ?", orderId);
    }

    /** What is overdue of an instalment now (it replaces what was reported before). */
    public void overdue(UUID instalmentId, UUID clientId, BigDecimal outstanding, String currency) {
        statements.now(OVERDUE, instalmentId, clientId, clientId, outstanding, currency);
    }

    /** A payment settled part of an instalment: what is overdue of it shrinks. */
    public void paid(UUID instalmentId, BigDecimal amount) {
        statements.now("update overdue_instalment set outstanding = greatest(outstanding - ?, 0) where instalment_id = ?",
                amount, instalmentId);
    }

    public void missedVisit(UUID planId, UUID clientId, LocalDate plannedOn) {
        statements.add(MISSED_VISIT, planId, clientId, clientId, plannedOn);
    }

    public void complaintReceived(UUID complaintId, UUID clientId, Instant receivedAt) {
        statements.add(COMPLAINT, complaintId, clientId, clientId, receivedAt);
    }

    public void complaintOpen(UUID complaintId, boolean open) {
        statements.now("update complaint_fact set open = ? where complaint_id = ?", open, complaintId);
    }

    public void complaintCompensation(UUID complaintId, BigDecimal amount, String currency) {
        statements.now("update complaint_fact set compensation = ?, compensation_currency = ? where complaint_id = ?",
                amount, currency, complaintId);
    }

    public void complaintBreached(UUID complaintId) {
        statements.now("update complaint_fact set breached = true where complaint_id = ?", complaintId);
    }

    public void survey(UUID complaintId, int score, int gap) {
        statements.now("update complaint_fact set survey_score = ?, survey_gap = ? where complaint_id = ?",
                score, gap, complaintId);
    }
}
