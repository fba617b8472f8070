package com.example.crm.contract.complaint;

/**
 * The event types of {@code crm.complaint.v1}; each has its JSON Schema in
 * {@code asyncapi/crm.complaint.v1/schemas/<type>.json} of this artifact.
 */
public final class ComplaintEventTypes {

    public static final String TOPIC = "crm.complaint.v1";

    public static final String RECEIVED = "crm.complaint.received.v1";
    public static final String ACKNOWLEDGED = "crm.complaint.acknowledged.v1";
    public static final String ESCALATED = "crm.complaint.escalated.v1";
    public static final String SLA_BREACHED = "crm.complaint.sla-breached.v1";
    public static final String RESOLVED = "crm.complaint.resolved.v1";
    public static final String CLOSED = "crm.complaint.closed.v1";
    public static final String REOPENED = "crm.complaint.reopened.v1";
    public static final String SURVEY_ANSWERED = "crm.complaint.survey-answered.v1";

    private ComplaintEventTypes() {
    }
}
