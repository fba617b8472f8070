package com.example.crm.interaction.timeline.application;

import com.example.crm.interaction.timeline.domain.Interaction;

import java.util.UUID;

/**
 * The visit plan a contact fulfils when it is logged with a {@code visitPlanId}: completed in the contact's
 * transaction, so both happen or neither. The visits feature answers it; the timeline does not know visit plans.
 */
public interface PlannedVisits {

    /** Completes the plan with the contact; refuses (a domain exception) a plan that cannot be completed by it. */
    void completeWith(UUID planId, Interaction interaction);
}
