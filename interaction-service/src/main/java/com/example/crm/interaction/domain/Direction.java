package com.example.crm.interaction.domain;

public enum Direction {
    INBOUND, OUTBOUND
}
