package com.example.crm.interaction.domain;

/** Who went (seed 000: key clients get visits from supervisors and executives). */
public enum AttendeeLevel {
    SALES, SUPERVISOR, EXECUTIVE
}
