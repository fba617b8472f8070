package com.example.crm.contract.interaction;

/**
 * The event types of {@code crm.interaction.v1}; each has its JSON Schema in
 * {@code asyncapi/crm.interaction.v1/schemas/<type>.json} of this artifact.
 */
public final class InteractionEventTypes {

    public static final String TOPIC = "crm.interaction.v1";

    public static final String CONTACT_LOGGED = "crm.interaction.contact-logged.v1";
    public static final String ORDER_PLACED = "crm.interaction.order-placed.v1";
    public static final String ORDER_CANCELLED = "crm.interaction.order-cancelled.v1";
    public static final String PAYMENT_RECORDED = "crm.interaction.payment-recorded.v1";
    public static final String PAYMENT_OVERDUE = "crm.interaction.payment-overdue.v1";
    public static final String VISIT_PLANNED = "crm.interaction.visit-planned.v1";
    public static final String VISIT_COMPLETED = "crm.interaction.visit-completed.v1";
    public static final String VISIT_MISSED = "crm.interaction.visit-missed.v1";
    public static final String VISIT_CANCELLED = "crm.interaction.visit-cancelled.v1";
    public static final String CADENCE_CHANGED = "crm.interaction.cadence-changed.v1";

    private InteractionEventTypes() {
    }
}
