package com.example.crm.client.card.domain;

import jakarta.persistence.Embeddable;

/** Client characteristics and business status (docs/domain.md, "The profile card"). */
@Embeddable
public class Characteristics {
    public String serviceArea;
    public String salesCapability;
    public String developmentPotential;
    public String scale;
    public String cooperationAttitude;
    public String competitorRelations;
    public String notes;

    /** {@code mine} completed with {@code other}'s values where it has none (a new one when it has none). */
    static Characteristics completed(Characteristics mine, Characteristics other) {
        if (other == null) {
            return mine;
        }
        Characteristics result = mine == null ? new Characteristics() : mine;
        result.serviceArea = Completion.either(result.serviceArea, other.serviceArea);
        result.salesCapability = Completion.either(result.salesCapability, other.salesCapability);
        result.developmentPotential = Completion.either(result.developmentPotential, other.developmentPotential);
        result.scale = Completion.either(result.scale, other.scale);
        result.cooperationAttitude = Completion.either(result.cooperationAttitude, other.cooperationAttitude);
        result.competitorRelations = Completion.either(result.competitorRelations, other.competitorRelations);
        result.notes = Completion.either(result.notes, other.notes);
        return result;
    }
}
