package com.example.crm.interaction.timeline.domain;

public enum Direction {
    INBOUND, OUTBOUND
}
