package com.example.crm.interaction.timeline.domain;

public enum Outcome {
    POSITIVE, NEUTRAL, NEGATIVE, NO_RESPONSE
}
