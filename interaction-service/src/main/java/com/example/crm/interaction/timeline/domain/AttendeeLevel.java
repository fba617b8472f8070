package com.example.crm.interaction.timeline.domain;

/** Who went (docs/domain.md, "Visits and cadences": key clients get visits from supervisors and executives). */
public enum AttendeeLevel {
    SALES, SUPERVISOR, EXECUTIVE
}
