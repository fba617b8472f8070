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
}
