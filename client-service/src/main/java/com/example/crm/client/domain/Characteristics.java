package com.example.crm.client.domain;

import jakarta.persistence.Embeddable;

/** Client characteristics and business status (seed 001 items 1-2). */
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
